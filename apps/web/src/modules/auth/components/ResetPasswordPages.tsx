import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate, useParams } from '../../../router';
import { fieldErrors, placeErrors } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { FormErrors, TextField } from '../../shell/components/fields';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { RequestPasswordResetMutation, ResetPasswordMutation } from '../../account/graphql/account';
import { homePathFor } from '../session';
import { useStartSession } from '../useStartSession';

/** /reset-password — public: asks for a link by email (the answer is the same whether the address has an account or not). */
export function RequestPasswordResetPage() {
  const t = useT();
  usePageTitle(t('reset.title'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [request, { loading, error }] = useMutation(RequestPasswordResetMutation);
  const errors = placeErrors(fieldErrors(error, t), (key) => key === 'email');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await request({ variables: { email: email.trim() } });
      setSent(true);
    } catch {
      // shown from `error`
    }
  }

  return (
    <section className="card card-narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t('reset.sent')}
        </p>
      ) : (
        <form className="form" onSubmit={(e) => void handleSubmit(e)}>
          <p className="muted">{t('reset.intro')}</p>
          <TextField
            label={t('auth.signIn.email')}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onValue={setEmail}
            error={errors.fields['email']}
          />
          <FormErrors title={t('reset.error')} errors={errors.general} />
          <button className="button button-primary" type="submit" disabled={loading}>
            {t('reset.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to="/login">{t('reset.backToLogin')}</Link>
      </p>
    </section>
  );
}

/** /reset-password/:token — public: the new password, from the emailed link. */
export function ResetPasswordPage() {
  const t = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const startSession = useStartSession();
  usePageTitle(t('reset.newTitle'));
  const [password, setPassword] = useState('');
  const [reset, { loading, error }] = useMutation(ResetPasswordMutation);
  const errors = placeErrors(fieldErrors(error, t), (key) => key === 'newPassword');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const { data } = await reset({ variables: { token, newPassword: password } });
      if (!data) return;
      const session = startSession(data.resetPassword);
      await navigate(homePathFor(session.user.role), { replace: true });
    } catch {
      // shown from `error`
    }
  }

  return (
    <section className="card card-narrow" aria-labelledby="reset-new-title">
      <h1 id="reset-new-title">{t('reset.newTitle')}</h1>
      <form className="form" onSubmit={(e) => void handleSubmit(e)}>
        <TextField
          label={t('account.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onValue={setPassword}
          hint={t('account.passwordRule')}
          error={errors.fields['newPassword']}
        />
        <FormErrors title={t('reset.error')} errors={errors.general} />
        <button className="button button-primary" type="submit" disabled={loading}>
          {t('reset.save')}
        </button>
      </form>
    </section>
  );
}
