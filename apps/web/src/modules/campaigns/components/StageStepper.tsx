import { CampaignStage, STAGE_ORDER } from '@rapport/shared';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { stageSince } from '../stage';

interface StageChangeView {
  stage: CampaignStage;
  enteredAt: string;
  note?: string | null;
}

interface StageStepperProps {
  stage: CampaignStage;
  daysInStage: number;
  history: readonly StageChangeView[];
  startedAt: string;
}

/** listening → demands → action → negotiation → won, the current step marked; then the history, oldest first. */
export function StageStepper({ stage, daysInStage, history, startedAt }: StageStepperProps) {
  const t = useT();
  const format = useFormat();
  const current = STAGE_ORDER.indexOf(stage);
  // A campaign may go back (negotiation → action): "done" means before the current step.
  return (
    <div className="stage">
      <ol className="stepper">
        {STAGE_ORDER.map((step, index) => {
          const state = index === current ? 'current' : current >= 0 && index < current ? 'done' : 'todo';
          return (
            <li key={step} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="step-dot" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="step-name">{label(t, 'stage', step)}</span>
              <span className="visually-hidden">{t(`stepper.${state}`)}</span>
            </li>
          );
        })}
      </ol>
      <p className="stage-now" data-figure="daysInStage">
        {stage === CampaignStage.LOST ? <strong>{label(t, 'stage', CampaignStage.LOST)}</strong> : null}{' '}
        {t('dashboard.stageSince', { stage: label(t, 'stage', stage), date: format.date(stageSince(stage, history, startedAt)) })}{' '}
        <span className="muted">({t('dashboard.stageDays', { count: format.number(daysInStage) })})</span>
      </p>
      {history.length ? (
        <details className="history">
          <summary>{t('dashboard.history', { count: history.length })}</summary>
          <ol>
            {history.map((change, index) => (
              <li key={`${change.stage}-${change.enteredAt}-${index}`}>
                <time dateTime={change.enteredAt}>{format.date(change.enteredAt)}</time> — <strong>{label(t, 'stage', change.stage)}</strong>
                {change.note ? <span className="muted history-note">{change.note}</span> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
