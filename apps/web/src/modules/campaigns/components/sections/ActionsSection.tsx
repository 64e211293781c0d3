import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from '../../../../router';
import { ActionKind, Visibility } from '@rapport/shared';
import type { CampaignDashboardQuery as DashboardData } from '../../../../gql/graphql';
import { useT } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { label } from '../../../../i18n/labels';
import { Disclosure } from '../../../shell/components/Disclosure';
import { CheckboxField, FormErrors, SelectField, TextField } from '../../../shell/components/fields';
import { keys, toInstant, useFormErrors } from '../../../shell/useFormErrors';
import { useTurfT } from '../../../turf/messages';
import { ScheduleActionMutation } from '../../graphql/workspace';
import { REFETCH, type DecisionMakerRow, type WorkspaceCampaign } from './workspace';

type UpcomingAction = DashboardData['campaignProgress']['upcomingActions'][number];

interface ActionsSectionProps {
  campaignId: string;
  upcoming: readonly UpcomingAction[];
  actions: WorkspaceCampaign['actions'] | undefined;
  decisionMakers: readonly DecisionMakerRow[];
}

/** The actions to come (turnout against the goal), the past ones with their outcome, and planning a new one. */
export function ActionsSection({ campaignId, upcoming, actions, decisionMakers }: ActionsSectionProps) {
  const t = useT();
  const tt = useTurfT();
  const format = useFormat();
  const byId = new Map((actions ?? []).map((a) => [a.id, a]));
  /** Attended vs committed vs goal, once someone was checked in (or the action is past) and it has a goal. */
  const turnout = (a: { attendedCount: number; committedCount: number; turnoutGoal?: number | null }) =>
    tt('turnoutFull', { attended: format.number(a.attendedCount), committed: format.number(a.committedCount), goal: format.number(a.turnoutGoal ?? 0) });
  // The moment the page opened: rendering stays pure (the same answer at every render).
  const [now] = useState(() => Date.now());
  const upcomingIds = new Set(upcoming.map((a) => a.id));
  const past = (actions ?? []).filter((a) => !upcomingIds.has(a.id) && Date.parse(a.startsAt) < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));

  return (
    <section aria-labelledby="dash-actions" className="panel" data-section="actions">
      <h2 id="dash-actions">{t('dashboard.upcomingActions')}</h2>
      {upcoming.length ? (
        <ul className="cards">
          {upcoming.map((action) => (
            <li key={action.id} className="card-item" data-action={action.id}>
              <p className="card-title">
                <Link to={`/actions/${action.id}`}>{action.title}</Link>
              </p>
              <p className="muted">
                <time dateTime={action.startsAt}>{format.weekday(action.startsAt)}</time>
                {action.location ? ` · ${action.location}` : ''} · {label(t, 'actionKind', action.kind)}
                {action.visibility === Visibility.ALLIES ? ` · ${t('actions.openToAllies')}` : ''}
              </p>
              <p data-figure="turnout">
                {action.turnoutGoal != null && byId.get(action.id)?.attendedCount
                  ? turnout({ ...byId.get(action.id)!, turnoutGoal: action.turnoutGoal })
                  : action.turnoutGoal != null
                    ? t('dashboard.turnout', { committed: format.number(action.committedCount), goal: format.number(action.turnoutGoal) })
                    : t('dashboard.committed', { committed: format.number(action.committedCount) })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('dashboard.noActions')}</p>
      )}
      <Disclosure label={t('actions.plan')}>{(close) => <PlanActionForm campaignId={campaignId} decisionMakers={decisionMakers} onDone={close} />}</Disclosure>
      {past.length ? (
        <details className="history" data-section="pastActions">
          <summary>{t('actions.past', { count: past.length })}</summary>
          <ul className="list">
            {past.map((action) => (
              <li key={action.id} data-action={action.id}>
                <Link to={`/actions/${action.id}`}>{action.title}</Link>{' '}
                <span className="muted">
                  <time dateTime={action.startsAt}>{format.date(action.startsAt)}</time> ·{' '}
                  <span data-figure="turnout">
                    {action.turnoutGoal != null ? turnout(action) : t('actions.attended', { count: format.number(action.attendedCount) })}
                  </span>
                </span>
                {action.outcome ? <p className="history-note">{action.outcome}</p> : <p className="muted">{t('actions.noOutcome')}</p>}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export function PlanActionForm({
  campaignId,
  decisionMakers,
  onDone,
}: {
  campaignId: string;
  decisionMakers: readonly DecisionMakerRow[];
  onDone: () => void;
}) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ActionKind>(ActionKind.DELEGATION);
  const [startsAt, setStartsAt] = useState('');
  const [location, setLocation] = useState('');
  const [allies, setAllies] = useState(false);
  const [goal, setGoal] = useState('');
  const [targetId, setTargetId] = useState('');
  const { fields, errors, submit, busy, setErrors } = useFormErrors(keys('title', 'kind', 'startsAt', 'location', 'turnoutGoal', 'targetId', 'visibility'));
  const [schedule] = useMutation(ScheduleActionMutation);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const turnoutGoal = goal.trim() ? Number(goal) : null;
        if (turnoutGoal != null && !Number.isInteger(turnoutGoal)) {
          setErrors({ fields: { turnoutGoal: t('rule.wholeNumber') }, general: [] });
          return;
        }
        void submit(() =>
          schedule({
            variables: {
              input: {
                campaignId,
                title,
                kind,
                // An empty date is sent as such: the API names the field.
                startsAt: toInstant(startsAt) ?? '',
                location: location.trim() || null,
                turnoutGoal,
                targetId: targetId || null,
                visibility: allies ? Visibility.ALLIES : Visibility.TEAM,
              },
            },
            ...REFETCH,
          }),
        ).then((ok) => ok && onDone());
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <TextField label={t('actions.title')} name="title" value={title} onValue={setTitle} error={fields['title']} required />
      <SelectField
        label={t('actions.kind')}
        name="kind"
        value={kind}
        options={Object.values(ActionKind).map((k) => ({ value: k, label: label(t, 'actionKind', k) }))}
        onValue={setKind}
        error={fields['kind']}
      />
      <TextField
        label={t('actions.startsAt')}
        name="startsAt"
        type="datetime-local"
        value={startsAt}
        onValue={setStartsAt}
        error={fields['startsAt']}
        required
      />
      <TextField label={t('actions.location')} name="location" value={location} onValue={setLocation} error={fields['location']} />
      <TextField
        label={t('actions.turnoutGoal')}
        name="turnoutGoal"
        inputMode="numeric"
        value={goal}
        onValue={setGoal}
        error={fields['turnoutGoal']}
        hint={t('common.optional')}
      />
      <SelectField
        label={t('actions.target')}
        name="targetId"
        value={targetId}
        options={[{ value: '', label: t('demands.noTarget') }, ...decisionMakers.map((d) => ({ value: d.id, label: d.name }))]}
        onValue={setTargetId}
        error={fields['targetId']}
      />
      <CheckboxField label={t('actions.openToAlliesLong')} name="visibility" checked={allies} onChecked={setAllies} error={fields['visibility']} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('actions.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
