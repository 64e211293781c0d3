import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { CampaignStage, STAGE_ORDER } from '@rapport/shared';
import { useT } from '../../../../i18n';
import { label } from '../../../../i18n/labels';
import { Disclosure } from '../../../shell/components/Disclosure';
import { FormErrors, SelectField, TextAreaField, TextField } from '../../../shell/components/fields';
import { keys, toInstant, useFormErrors } from '../../../shell/useFormErrors';
import { AdvanceCampaignMutation } from '../../graphql/workspace';
import { StageStepper } from '../StageStepper';
import { REFETCH } from './workspace';

interface StageSectionProps {
  campaignId: string;
  stage: CampaignStage;
  daysInStage: number;
  history: ReadonlyArray<{ stage: CampaignStage; enteredAt: string; note?: string | null }>;
  startedAt: string;
}

const STAGES = [...STAGE_ORDER, CampaignStage.LOST];

/** The stepper, and moving the campaign to another stage (forward or back) with a note and a date. */
export function StageSection({ campaignId, stage, daysInStage, history, startedAt }: StageSectionProps) {
  const t = useT();
  return (
    <section aria-labelledby="dash-stage" className="panel" data-section="stage">
      <h2 id="dash-stage">{t('dashboard.stage')}</h2>
      <StageStepper stage={stage} daysInStage={daysInStage} history={history} startedAt={startedAt} />
      <Disclosure label={t('stageForm.move')}>{(close) => <MoveStageForm campaignId={campaignId} current={stage} onDone={close} />}</Disclosure>
    </section>
  );
}

function MoveStageForm({ campaignId, current, onDone }: { campaignId: string; current: CampaignStage; onDone: () => void }) {
  const t = useT();
  const next = STAGES[Math.min(STAGES.indexOf(current) + 1, STAGE_ORDER.length - 1)] ?? CampaignStage.DEMANDS;
  const [stage, setStage] = useState<CampaignStage>(next === current ? CampaignStage.LISTENING : next);
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const { fields, errors, submit, busy } = useFormErrors(keys('stage', 'note', 'enteredAt'));
  const [advance] = useMutation(AdvanceCampaignMutation);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => advance({ variables: { campaignId, stage, note: note.trim() || null, enteredAt: toInstant(date) }, ...REFETCH })).then(
          (ok) => ok && onDone(),
        );
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <SelectField
        label={t('stageForm.to')}
        name="stage"
        value={stage}
        options={STAGES.map((s) => ({ value: s, label: label(t, 'stage', s) }))}
        onValue={setStage}
        error={fields['stage']}
      />
      <TextAreaField label={t('stageForm.note')} name="note" value={note} onValue={setNote} error={fields['note']} hint={t('common.optional')} />
      <TextField
        label={t('stageForm.enteredAt')}
        name="enteredAt"
        type="date"
        value={date}
        onValue={setDate}
        error={fields['enteredAt']}
        hint={t('stageForm.enteredAtHint')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('stageForm.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
