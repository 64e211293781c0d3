import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate, useParams } from '../../../router';
import { fieldErrors, placeErrors } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { FormErrors, TextField } from '../../shell/components/fields';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { AcceptInvitationMutation } from '../../account/graphql/account';
import { homePathFor } from '../session';
import { useStartSession } from '../useStartSession';

/** /invitation/:token — public: the invited person chooses a password and is signed in. */
export function AcceptInvitationPage() {
  const t = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const startSession = useStartSession();
  usePageTitle(t('invitation.title'));
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [accept, { loading, error }] = useMutation(AcceptInvitationMutation);
  const errors = placeErrors(fieldErrors(error, t), (key) => key === 'password' || key === 'displayName');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const { data } = await accept({ variables: { token, password, displayName: displayName.trim() || null } });
      if (!data) return;
      const session = startSession(data.acceptInvitation);
      await navigate(homePathFor(session.user.role), { replace: true });
    } catch {
      // shown from `error`
    }
  }

  return (
    <section className="card card-narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('invitation.title')}</h1>
      <p className="muted">{t('invitation.intro')}</p>
      <form className="form" onSubmit={(e) => void handleSubmit(e)}>
        <TextField
          label={t('invitation.displayName')}
          name="displayName"
          autoComplete="name"
          value={displayName}
          onValue={setDisplayName}
          hint={t('invitation.displayNameHint')}
          error={errors.fields['displayName']}
        />
        <TextField
          label={t('invitation.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onValue={setPassword}
          hint={t('account.passwordRule')}
          error={errors.fields['password']}
        />
        <FormErrors title={t('invitation.error')} errors={errors.general} />
        <button className="button button-primary" type="submit" disabled={loading}>
          {t('invitation.submit')}
        </button>
      </form>
    </section>
  );
}
