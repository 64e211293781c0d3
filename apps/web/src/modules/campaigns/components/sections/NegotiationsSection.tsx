import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from '../../../../router';
import { useT } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { label } from '../../../../i18n/labels';
import { Disclosure } from '../../../shell/components/Disclosure';
import { FormErrors, TextAreaField, TextField } from '../../../shell/components/fields';
import { keys, toInstant, useFormErrors } from '../../../shell/useFormErrors';
import { PlanNegotiationMutation, RecordNegotiationReportMutation } from '../../graphql/workspace';
import { RecordCommitmentForm } from './CommitmentsSection';
import { REFETCH, type DecisionMakerRow, type WorkspaceCampaign } from './workspace';

type NegotiationRow = WorkspaceCampaign['negotiations'][number];

interface NegotiationsSectionProps {
  campaignId: string;
  negotiations: readonly NegotiationRow[] | undefined;
  decisionMakers: readonly DecisionMakerRow[];
}

/** Meetings with the decision-makers: planned, prepared (the brief), reported, and what they promised at the table. */
export function NegotiationsSection({ campaignId, negotiations, decisionMakers }: NegotiationsSectionProps) {
  const t = useT();
  const sorted = [...(negotiations ?? [])].sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
  return (
    <section aria-labelledby="dash-negotiations" className="panel" data-section="negotiations">
      <h2 id="dash-negotiations">{t('dashboard.negotiations')}</h2>
      {sorted.length ? (
        <ul className="cards">
          {sorted.map((n) => (
            <NegotiationItem key={n.id} campaignId={campaignId} negotiation={n} />
          ))}
        </ul>
      ) : negotiations ? (
        <p className="muted">{t('negotiations.empty')}</p>
      ) : null}
      <Disclosure label={t('negotiations.plan')}>
        {(close) => <PlanNegotiationForm campaignId={campaignId} decisionMakers={decisionMakers} onDone={close} />}
      </Disclosure>
    </section>
  );
}

function NegotiationItem({ campaignId, negotiation: n }: { campaignId: string; negotiation: NegotiationRow }) {
  const t = useT();
  const format = useFormat();
  const who = n.decisionMakers.map((d) => d.name).join(', ');
  return (
    <li className="card-item" data-negotiation={n.id}>
      <p className="card-title">
        <Link to={`/negotiations/${n.id}/brief`}>{t('dashboard.briefFor', { date: format.date(n.scheduledAt), who })}</Link>{' '}
        <span className="muted">({label(t, 'negotiationStatus', n.status)})</span>
      </p>
      {n.report ? (
        <p className="history-note" data-report>
          {n.report}
        </p>
      ) : null}
      {n.commitments.length ? (
        <>
          <p className="muted">{t('negotiations.obtained')}</p>
          <ul className="list">
            {n.commitments.map((c) => (
              <li key={c.id}>
                {c.decisionMaker ? <strong>{c.decisionMaker.name} : </strong> : null}
                {c.description} — {t('commitments.dueOn', { date: format.date(c.dueAt) })}{' '}
                <span className={`status status-${c.status.toLowerCase()}`}>{label(t, 'commitmentStatusOne', c.status)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="button-row">
        <Disclosure label={n.report ? t('negotiations.editReport') : t('negotiations.report')}>
          {(close) => <ReportForm negotiationId={n.id} report={n.report ?? ''} onDone={close} />}
        </Disclosure>
        <Disclosure label={t('negotiations.addPromise')}>
          {(close) => <RecordCommitmentForm campaignId={campaignId} negotiationId={n.id} decisionMakers={n.decisionMakers} decisionMakersOnly onDone={close} />}
        </Disclosure>
      </div>
    </li>
  );
}

function ReportForm({ negotiationId, report: initial, onDone }: { negotiationId: string; report: string; onDone: () => void }) {
  const t = useT();
  const [report, setReport] = useState(initial);
  const { fields, errors, submit, busy } = useFormErrors(keys('report'));
  const [record] = useMutation(RecordNegotiationReportMutation);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => record({ variables: { negotiationId, report }, ...REFETCH })).then((ok) => ok && onDone());
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <TextAreaField
        label={t('negotiations.reportLabel')}
        name="report"
        rows={5}
        value={report}
        onValue={setReport}
        error={fields['report']}
        hint={t('negotiations.reportHint')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('negotiations.saveReport')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function PlanNegotiationForm({ campaignId, decisionMakers, onDone }: { campaignId: string; decisionMakers: readonly DecisionMakerRow[]; onDone: () => void }) {
  const t = useT();
  const [scheduledAt, setScheduledAt] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  const { fields, errors, submit, busy } = useFormErrors((key) => key === 'scheduledAt' || key.startsWith('decisionMakerIds'));
  const [plan] = useMutation(PlanNegotiationMutation);
  const idsError = Object.entries(fields).find(([key]) => key.startsWith('decisionMakerIds'))?.[1];
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => plan({ variables: { input: { campaignId, scheduledAt: toInstant(scheduledAt) ?? '', decisionMakerIds: ids } }, ...REFETCH })).then(
          (ok) => ok && onDone(),
        );
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <TextField
        label={t('negotiations.scheduledAt')}
        name="scheduledAt"
        type="datetime-local"
        value={scheduledAt}
        onValue={setScheduledAt}
        error={fields['scheduledAt']}
        required
      />
      <fieldset className="group" aria-describedby={idsError ? 'plan-dm-error' : undefined}>
        <legend>{t('negotiations.with')}</legend>
        {decisionMakers.length ? (
          decisionMakers.map((d) => (
            <label key={d.id} className="check">
              <input
                type="checkbox"
                name="decisionMakerIds"
                value={d.id}
                checked={ids.includes(d.id)}
                onChange={(ev) => setIds(ev.target.checked ? [...ids, d.id] : ids.filter((x) => x !== d.id))}
              />
              <span>{d.name}</span>
            </label>
          ))
        ) : (
          <p className="muted">{t('negotiations.noDecisionMakers')}</p>
        )}
        {idsError ? (
          <p className="field-error" id="plan-dm-error">
            {idsError}
          </p>
        ) : null}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('negotiations.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
