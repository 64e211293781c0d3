import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from '../../../router';
import { useT } from '../../../i18n';
import { FormErrors, TextAreaField, TextField } from '../../shell/components/fields';
import { keys, toInstant, useFormErrors } from '../../shell/useFormErrors';
import { CreateCampaignMutation } from '../graphql/workspace';

/** A new campaign: its name, the change it seeks, and when listening began (today by default); then its dashboard. */
export function NewCampaignForm({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const { fields, errors, submit, busy } = useFormErrors(keys('name', 'goal', 'startedAt'));
  const [create] = useMutation(CreateCampaignMutation, { refetchQueries: ['Campaigns'] });

  return (
    <form
      className="form"
      noValidate
      aria-labelledby="new-campaign-title"
      onSubmit={(e) => {
        e.preventDefault();
        let id: string | undefined;
        void submit(async () => {
          const result = await create({ variables: { input: { name, goal: goal.trim() || null, startedAt: toInstant(startedAt) } } });
          id = result.data?.createCampaign.id;
        }).then((ok) => {
          if (ok && id) void navigate(`/campaigns/${id}`);
        });
      }}
    >
      <h2 id="new-campaign-title">{t('campaigns.new')}</h2>
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <TextField label={t('campaigns.name')} name="name" value={name} onValue={setName} error={fields['name']} required />
      <TextAreaField label={t('campaigns.goal')} name="goal" value={goal} onValue={setGoal} error={fields['goal']} hint={t('campaigns.goalHint')} />
      <TextField
        label={t('campaigns.startedAt')}
        name="startedAt"
        type="date"
        value={startedAt}
        onValue={setStartedAt}
        error={fields['startedAt']}
        hint={t('campaigns.startedAtHint')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('campaigns.create')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
