import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { DemandStatus } from '@rapport/shared';
import { errorMessage } from '../../../../apollo/errors';
import { useT } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { label } from '../../../../i18n/labels';
import { Disclosure } from '../../../shell/components/Disclosure';
import { FormErrors, SelectField, TextField } from '../../../shell/components/fields';
import { keys, toInstant, useFormErrors } from '../../../shell/useFormErrors';
import { CreateDemandMutation, SetDemandStatusMutation } from '../../graphql/workspace';
import { REFETCH, type DecisionMakerRow, type WorkspaceCampaign } from './workspace';

type Counts = ReadonlyArray<{ status: string; count: number }>;

interface DemandsSectionProps {
  campaignId: string;
  counts: Counts;
  demands: WorkspaceCampaign['demands'] | undefined;
  decisionMakers: readonly DecisionMakerRow[];
}

/** The demands by status, each one's status set in place, and a new demand with its target. */
export function DemandsSection({ campaignId, counts, demands, decisionMakers }: DemandsSectionProps) {
  const t = useT();
  const format = useFormat();
  const byStatus = Object.values(DemandStatus)
    .map((status) => ({ status, count: counts.find((c) => c.status === status)?.count ?? 0 }))
    .filter((d) => d.count > 0);

  return (
    <section aria-labelledby="dash-demands" className="panel" data-section="demands">
      <h2 id="dash-demands">{t('dashboard.demands')}</h2>
      {byStatus.length ? (
        <dl className="figures figures-small">
          {byStatus.map((d) => (
            <div className="figure" key={d.status} data-figure={`demands-${d.status}`}>
              <dt>{label(t, 'demandStatus', d.status)}</dt>
              <dd>{format.number(d.count)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('dashboard.noDemands')}</p>
      )}
      {demands?.length ? (
        <ul className="list" aria-label={t('demands.list')}>
          {demands.map((demand) => (
            <DemandRow key={demand.id} demand={demand} />
          ))}
        </ul>
      ) : null}
      <Disclosure label={t('demands.add')}>{(close) => <AddDemandForm campaignId={campaignId} decisionMakers={decisionMakers} onDone={close} />}</Disclosure>
    </section>
  );
}

function DemandRow({ demand }: { demand: WorkspaceCampaign['demands'][number] }) {
  const t = useT();
  const format = useFormat();
  const [setStatus, { loading, error }] = useMutation(SetDemandStatusMutation);
  return (
    <li className="row-item" data-demand={demand.id}>
      <p>
        <strong>{demand.title}</strong>
        {demand.target ? <span className="muted"> → {demand.target.name}</span> : null}
        {demand.deadline ? <span className="muted"> · {t('demands.deadlineOn', { date: format.date(demand.deadline) })}</span> : null}
      </p>
      <SelectField
        label={t('demands.statusOf', { title: demand.title })}
        name={`status-${demand.id}`}
        value={demand.status as DemandStatus}
        options={Object.values(DemandStatus).map((s) => ({ value: s, label: label(t, 'demandStatusOne', s) }))}
        onValue={(status) => void setStatus({ variables: { id: demand.id, status }, ...REFETCH }).catch(() => undefined)}
        error={error ? errorMessage(error, t) : undefined}
        hint={loading ? t('common.saving') : undefined}
      />
    </li>
  );
}

function AddDemandForm({ campaignId, decisionMakers, onDone }: { campaignId: string; decisionMakers: readonly DecisionMakerRow[]; onDone: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [targetId, setTargetId] = useState('');
  const [deadline, setDeadline] = useState('');
  const { fields, errors, submit, busy } = useFormErrors(keys('title', 'targetId', 'deadline'));
  const [create] = useMutation(CreateDemandMutation);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => create({ variables: { input: { campaignId, title, targetId: targetId || null, deadline: toInstant(deadline) } }, ...REFETCH })).then(
          (ok) => ok && onDone(),
        );
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <TextField label={t('demands.title')} name="title" value={title} onValue={setTitle} error={fields['title']} required />
      <SelectField
        label={t('demands.target')}
        name="targetId"
        value={targetId}
        options={[{ value: '', label: t('demands.noTarget') }, ...decisionMakers.map((d) => ({ value: d.id, label: d.name }))]}
        onValue={setTargetId}
        error={fields['targetId']}
        hint={t('demands.targetHint')}
      />
      <TextField
        label={t('demands.deadline')}
        name="deadline"
        type="date"
        value={deadline}
        onValue={setDeadline}
        error={fields['deadline']}
        hint={t('common.optional')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('demands.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
