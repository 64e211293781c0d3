import { useEffect, useRef } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useNavigate } from '../../../router';
import { useT } from '../../../i18n';
import { SignOutMutation } from '../graphql/signOut';
import { clearSession, getToken } from '../session';

/** `/logout`: revokes the token on the API (best effort), forgets it here, then shows the sign-in page. */
export function SignOutPage() {
  const t = useT();
  const client = useApolloClient();
  const navigate = useNavigate();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice in dev
    started.current = true;
    const revoke = getToken() ? client.mutate({ mutation: SignOutMutation }).catch(() => undefined) : Promise.resolve();
    void revoke.finally(async () => {
      clearSession();
      await client.clearStore();
      navigate('/login', { replace: true });
    });
  }, [client, navigate]);

  return (
    <p className="card card-narrow" role="status">
      {t('auth.signOut.pending')}
    </p>
  );
}
