import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from '../../../router';
import { Role } from '@rapport/shared';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { homePathFor, useSession } from '../session';

interface RequireAuthProps {
  /** Roles allowed here; any signed-in user when omitted. Others go to their own home. */
  roles?: readonly Role[];
  /** The page, shown to those allowed. */
  children?: ReactNode;
}

/** Guards a page: signed-out visitors go to /login (the API enforces access, this only routes). */
export function RequireAuth({ roles, children }: RequireAuthProps) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // An ally who follows a member's link (shared by mistake) is told why, not bounced without a word.
  if (roles && !roles.includes(session.user.role)) {
    return session.user.role === Role.ALLY ? <NotForAllies /> : <Navigate to={homePathFor(session.user.role)} replace />;
  }
  return children;
}

/** `/`: each user's home, or the sign-in page. */
export function HomeRedirect() {
  const session = useSession();
  return <Navigate to={session ? homePathFor(session.user.role) : '/login'} replace />;
}

/** A member page opened by an ally: what it is, why it is not for them, where their space is. */
function NotForAllies() {
  const t = useT();
  usePageTitle(t('notForAllies.title'));
  return (
    <section className="page" data-page="not-for-allies">
      <h1>{t('notForAllies.title')}</h1>
      <p>{t('notForAllies.body')}</p>
      <p>
        <Link className="button button-primary" to="/allies">
          {t('notForAllies.back')}
        </Link>
      </p>
    </section>
  );
}
