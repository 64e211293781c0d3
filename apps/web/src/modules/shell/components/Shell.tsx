import { Link, NavLink, Outlet } from 'react-router';
import { useT } from '../../../i18n';
import { isMember, useSession } from '../../auth/session';
import { LocaleSwitch } from './LocaleSwitch';

/** The frame around every page: skip link, header (brand, navigation, language, sign-out), main. */
export function Shell() {
  const t = useT();
  const session = useSession();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {session ? (
          <nav aria-label={t('shell.mainNav')} className="nav">
            <ul>
              {isMember(session.user.role) ? (
                <li>
                  <NavLink to="/campaigns">{t('nav.campaigns')}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/allies">{t('nav.allies')}</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
        <div className="topbar-actions">
          <LocaleSwitch />
          {session ? (
            <Link to="/logout" className="signout" title={t('shell.signedInAs', { name: session.user.displayName })}>
              {t('shell.signOut')}
            </Link>
          ) : null}
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
