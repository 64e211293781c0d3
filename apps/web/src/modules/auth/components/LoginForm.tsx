import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../apollo/errors';
import { graphqlRequest } from '../../../network/graphqlRequest';
import { useLocale, useT } from '../../../i18n';
import { memberLocale } from '../locale';
import { SignInMutation } from '../graphql/signIn';
import { setSession, type Session } from '../session';

interface LoginFormProps {
  /** Called with the new session once the token is stored. */
  onSignedIn: (session: Session) => void;
}

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const t = useT();
  const { setLocale } = useLocale();
  const id = useId();
  // Sent without Apollo Client: the sign-in page starts without its code (apollo/lazy.tsx).
  const [{ loading, error }, setState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const errorId = `${id}-error`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setState({ loading: true, error: null });
    try {
      const { signIn } = await graphqlRequest(SignInMutation, { email, password });
      const { token, user, organization } = signIn;
      const session: Session = {
        token,
        user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
      };
      setSession(session);
      // The member's language from now on: theirs, else the organisation's.
      setLocale(memberLocale(user.locale, organization.locale));
      setState({ loading: false, error: null });
      onSignedIn(session);
    } catch (failure) {
      // Shown below the form.
      setState({ loading: false, error: failure });
    }
  }

  return (
    <form className="form" method="post" onSubmit={handleSubmit} aria-describedby={error ? errorId : undefined}>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('auth.signIn.email')}</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('auth.signIn.password')}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} />
      </div>
      {error ? (
        <div className="alert" role="alert" id={errorId}>
          <p className="alert-title">{t('auth.signIn.errorTitle')}</p>
          <p className="alert-body">{errorMessage(error, t)}</p>
        </div>
      ) : null}
      <button className="button button-primary" type="submit" disabled={loading} aria-busy={loading || undefined}>
        {loading ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
