import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useT } from '../../../../i18n';
import { Disclosure } from '../../../shell/components/Disclosure';
import { FormErrors, SelectField, TextField } from '../../../shell/components/fields';
import { keys, useFormErrors } from '../../../shell/useFormErrors';
import { CreateDecisionMakerMutation, UpdateDecisionMakerMutation } from '../../graphql/workspace';
import { REFETCH, type DecisionMakerRow } from './workspace';

const POWERS = ['1', '2', '3', '4', '5'] as const;
const STANCES = ['-2', '-1', '0', '1', '2'] as const;

/**
 * The people who can grant the demands, with their power and stance: added here,
 * and edited in place as the campaign learns (a stance moves after a meeting).
 */
export function DecisionMakersSection({ decisionMakers }: { decisionMakers: readonly DecisionMakerRow[] | undefined }) {
  const t = useT();
  return (
    <section aria-labelledby="dash-decision-makers" className="panel" data-section="decisionMakers">
      <h2 id="dash-decision-makers">{t('decisionMakers.title')}</h2>
      {decisionMakers?.length ? (
        <ul className="list">
          {decisionMakers.map((d) => (
            <li key={d.id} data-decision-maker={d.id}>
              <strong>{d.name}</strong>
              {d.title || d.institution ? <span className="muted"> — {[d.title, d.institution].filter(Boolean).join(', ')}</span> : null}
              <span className="muted">
                {' '}
                · {t('decisionMakers.powerIs', { power: d.power })} · {t(`decisionMakers.stance.${d.stance}` as 'decisionMakers.stance.0')}
              </span>
              <Disclosure label={t('decisionMakers.edit', { name: d.name })} className="inline">
                {(close) => <DecisionMakerForm existing={d} onDone={close} />}
              </Disclosure>
            </li>
          ))}
        </ul>
      ) : decisionMakers ? (
        <p className="muted">{t('decisionMakers.empty')}</p>
      ) : null}
      <Disclosure label={t('decisionMakers.add')}>{(close) => <DecisionMakerForm onDone={close} />}</Disclosure>
    </section>
  );
}

/** Adds a decision-maker, or edits `existing`; what was typed stays on an error. */
function DecisionMakerForm({ existing, onDone }: { existing?: DecisionMakerRow; onDone: () => void }) {
  const t = useT();
  const [name, setName] = useState(existing?.name ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [institution, setInstitution] = useState(existing?.institution ?? '');
  const [power, setPower] = useState(String(existing?.power ?? 3) as (typeof POWERS)[number]);
  const [stance, setStance] = useState(String(existing?.stance ?? 0) as (typeof STANCES)[number]);
  const { fields, errors, submit, busy } = useFormErrors(keys('name', 'title', 'institution', 'power', 'stance'));
  const [create] = useMutation(CreateDecisionMakerMutation);
  const [update] = useMutation(UpdateDecisionMakerMutation);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const input = { name, title: title.trim() || null, institution: institution.trim() || null, power: Number(power), stance: Number(stance) };
        void submit(() => (existing ? update({ variables: { id: existing.id, input } }) : create({ variables: { input }, ...REFETCH }))).then(
          (ok) => ok && onDone(),
        );
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <TextField label={t('decisionMakers.name')} name="name" value={name} onValue={setName} error={fields['name']} required />
      <TextField label={t('decisionMakers.jobTitle')} name="title" value={title} onValue={setTitle} error={fields['title']} />
      <TextField label={t('decisionMakers.institution')} name="institution" value={institution} onValue={setInstitution} error={fields['institution']} />
      <SelectField
        label={t('decisionMakers.power')}
        name="power"
        value={power}
        options={POWERS.map((p) => ({ value: p, label: t('decisionMakers.powerIs', { power: p }) }))}
        onValue={setPower}
        error={fields['power']}
      />
      <SelectField
        label={t('decisionMakers.stanceLabel')}
        name="stance"
        value={stance}
        options={STANCES.map((s) => ({ value: s, label: t(`decisionMakers.stance.${s}` as 'decisionMakers.stance.0') }))}
        onValue={setStance}
        error={fields['stance']}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t(existing ? 'decisionMakers.save' : 'decisionMakers.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
