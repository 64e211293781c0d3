import type { ReactNode } from 'react';
import { Link, NavLink } from '../../../router';
import { OutboxSync } from '../../field/components/OutboxSync';
import { apiPart } from '../../../apollo/lazy';
import { Role } from '@rapport/shared';
import { useT } from '../../../i18n';
import { isMember, useSession } from '../../auth/session';
import { OutboxBadge } from '../../field/components/OutboxBadge';
import { useOnline } from '../useOnline';
import { Later } from './Later';
import { LocaleSwitch } from './LocaleSwitch';

const MemberLocaleSync = apiPart(() => import('./MemberLocaleSync').then((m) => m.MemberLocaleSync));
const NotificationsBadge = apiPart(() => import('../../notifications/components/NotificationsBadge').then((m) => m.NotificationsBadge));

/**
 * The frame around every page: skip link, header (brand, navigation, language, sign-out),
 * main (the page: `children`; busy while the next page's code loads).
 */
export function Shell({ children, loading = false }: { children?: ReactNode; loading?: boolean }) {
  const t = useT();
  const session = useSession();
  const online = useOnline();
  const member = session ? isMember(session.user.role) : false;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      {/* At once, not later: its request leaves with the page's first ones, so the member's own
          language replaces this device's as soon as possible. */}
      {session ? <MemberLocaleSync /> : null}
      <Later>{member ? <OutboxSync /> : null}</Later>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {session ? (
          <nav aria-label={t('shell.mainNav')} className="nav">
            <ul>
              {member ? (
                <>
                  <li>
                    <NavLink to="/campaigns">{t('nav.campaigns')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/field">
                      {t('nav.field')}
                      <OutboxBadge />
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/contacts">{t('nav.contacts')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/membership">{t('nav.membership')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/sessions">{t('nav.sessions')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/cases">{t('nav.cases')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/notifications">
                      {t('nav.notifications')}
                      <Later>
                        <NotificationsBadge />
                      </Later>
                    </NavLink>
                  </li>
                </>
              ) : null}
              <li>
                <NavLink to="/allies">{t('nav.allies')}</NavLink>
              </li>
              {session.user.role === Role.ORGANISER ? (
                <li>
                  <NavLink to="/team">{t('nav.team')}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/account">{t('nav.account')}</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
        <div className="topbar-actions">
          {online ? null : (
            <span className="offline-pill" role="status">
              {t('shell.offline')}
            </span>
          )}
          <LocaleSwitch />
          {session ? (
            <Link to="/logout" className="signout" title={t('shell.signedInAs', { name: session.user.displayName })}>
              {t('shell.signOut')}
            </Link>
          ) : null}
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1} aria-busy={loading || undefined}>
        {children}
      </main>
    </div>
  );
}
