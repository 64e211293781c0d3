import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@rapport/shared';
import { homePathFor, useSession } from '../session';

interface RequireAuthProps {
  /** Roles allowed here; any signed-in user when omitted. Others go to their own home. */
  roles?: readonly Role[];
}

/** Guards child routes: signed-out visitors go to /login (the API enforces access, this only routes). */
export function RequireAuth({ roles }: RequireAuthProps) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (roles && !roles.includes(session.user.role)) return <Navigate to={homePathFor(session.user.role)} replace />;
  return <Outlet />;
}

/** `/`: each user's home, or the sign-in page. */
export function HomeRedirect() {
  const session = useSession();
  return <Navigate to={session ? homePathFor(session.user.role) : '/login'} replace />;
}
