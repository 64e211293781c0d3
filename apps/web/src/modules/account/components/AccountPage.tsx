import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from '../../../router';
import { fieldErrors, placeErrors } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { clearSession, useSession } from '../../auth/session';
import { FormErrors, TextField } from '../../shell/components/fields';
import { LocaleSwitch } from '../../shell/components/LocaleSwitch';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { ChangePasswordMutation, SignOutEverywhereMutation } from '../graphql/account';

/** /account — for every member: password, sign out everywhere, language. */
export function AccountPage() {
  const t = useT();
  const session = useSession();
  const client = useApolloClient();
  const navigate = useNavigate();
  usePageTitle(t('account.title'));
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const [changePassword, changing] = useMutation(ChangePasswordMutation);
  const [signOutEverywhere, signingOut] = useMutation(SignOutEverywhereMutation);
  const errors = placeErrors(fieldErrors(changing.error, t), (key) => key === 'currentPassword' || key === 'newPassword');

  async function handleChange(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    try {
      await changePassword({ variables: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setChanged(true);
    } catch {
      // shown from changing.error
    }
  }

  async function handleSignOutEverywhere() {
    try {
      await signOutEverywhere();
    } catch {
      return;
    }
    clearSession();
    await client.clearStore();
    await navigate('/login', { replace: true });
  }

  return (
    <article className="stack" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      {session ? <p className="muted">{t('account.signedInAs', { name: session.user.displayName, email: session.user.email })}</p> : null}

      <section className="panel" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.password')}</h2>
        <form className="form" onSubmit={(e) => void handleChange(e)}>
          <TextField
            label={t('account.currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onValue={setCurrent}
            error={errors.fields['currentPassword']}
          />
          <TextField
            label={t('account.newPassword')}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={next}
            onValue={setNext}
            hint={t('account.passwordRule')}
            error={errors.fields['newPassword']}
          />
          <FormErrors title={t('account.passwordError')} errors={errors.general} />
          {changed ? (
            <p className="notice" role="status">
              {t('account.passwordChanged')}
            </p>
          ) : null}
          <button className="button button-primary" type="submit" disabled={changing.loading}>
            {t('account.changePassword')}
          </button>
        </form>
      </section>

      <section className="panel" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t('account.sessions')}</h2>
        <p className="muted">{t('account.sessionsIntro')}</p>
        <button type="button" className="button button-secondary" onClick={() => void handleSignOutEverywhere()} disabled={signingOut.loading}>
          {t('account.signOutEverywhere')}
        </button>
      </section>

      <section className="panel" aria-labelledby="account-language">
        <h2 id="account-language">{t('account.language')}</h2>
        <p className="muted">{t('account.languageIntro')}</p>
        <LocaleSwitch />
      </section>
    </article>
  );
}
