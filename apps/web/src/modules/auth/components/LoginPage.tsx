import { Link, Navigate, useNavigate } from '../../../router';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { homePathFor, useSession } from '../session';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession();
  usePageTitle(t('auth.signIn.title'));

  if (session) return <Navigate to={homePathFor(session.user.role)} replace />;

  return (
    <section className="card card-narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.signIn.title')}</h1>
      <p className="muted">{t('auth.signIn.intro')}</p>
      <LoginForm onSignedIn={(s) => navigate(homePathFor(s.user.role), { replace: true })} />
      <p>
        <Link to="/reset-password">{t('auth.signIn.forgot')}</Link>
      </p>
    </section>
  );
}
