import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from '../../../router';
import { fieldErrors, NO_ERRORS, placeErrors, type FieldErrors } from '../../../apollo/errors';
import type { BriefFieldsFragment } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { FormErrors, TextAreaField } from '../../shell/components/fields';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { briefInput, draftFromBrief, sameBrief, type BriefDraft } from '../brief';
import { NegotiationBriefQuery } from '../graphql/negotiationBrief';
import { UpdateBriefMutation } from '../graphql/updateBrief';
import { PrintableBrief } from './PrintableBrief';
import { BriefArguments } from './brief/BriefArguments';
import { BriefDemands } from './brief/BriefDemands';
import { BriefHistory, BriefTestimonies } from './brief/BriefReadonly';
import { BriefRoles } from './brief/BriefRoles';
import { LeaveGuard } from './brief/LeaveGuard';
import { QueryStatus } from '../../shell/components/QueryStatus';
import { EvidenceSummary } from '../../casework/components/EvidenceSummary';

const TEXT_FIELDS = ['objective', 'ourLeverage', 'theirInterests', 'fallback', 'ifNoAgreement'] as const;
const isBriefField = (key: string) =>
  (TEXT_FIELDS as readonly string[]).includes(key) ||
  /^demandIds(\.\d+)?$/.test(key) ||
  /^arguments(\.\d+\.(kind|text))?$/.test(key) ||
  /^roles(\.\d+\.(role|contactId))?$/.test(key);

/** /negotiations/:id/brief — the team prepares the meeting together, then prints the brief (A4). */
export function BriefPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(NegotiationBriefQuery, { variables: { negotiationId: id }, fetchPolicy: 'cache-and-network' });
  const brief = data?.negotiationBrief;
  usePageTitle(t('brief.title'));

  if (!brief) {
    return (
      <section className="page">
        <h1>{t('brief.title')}</h1>
        <QueryStatus loading={loading} error={error} />
      </section>
    );
  }
  return <BriefEditor key={brief.negotiation.id} brief={brief} />;
}

function BriefEditor({ brief }: { brief: BriefFieldsFragment }) {
  const t = useT();
  const format = useFormat();
  const [saved, setSaved] = useState<BriefDraft>(() => draftFromBrief(brief));
  const [draft, setDraft] = useState<BriefDraft>(saved);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [update, { loading: saving }] = useMutation(UpdateBriefMutation);
  const dirty = !sameBrief(draft, saved);
  // The row just added gets the focus (its first field), so typing can go on at once.
  // A ref, not state: asking for the focus needs no render of its own; the row is
  // focused after the render that shows it.
  const focusRow = useRef<string | null>(null);
  const setFocusRow = (key: string) => {
    focusRow.current = key;
  };
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!focusRow.current) return;
    const row = formRef.current?.querySelector(`[data-row-key="${focusRow.current}"]`);
    // An effect of an earlier render (Preact runs effects a frame later) may come before
    // the row is shown: the render that shows it runs this again.
    if (!row) return;
    (row.querySelector<HTMLElement>('textarea') ?? row.querySelector<HTMLElement>('select'))?.focus();
    focusRow.current = null;
  });
  const { negotiation } = brief;
  const e = errors.fields;

  const patch = (change: Partial<BriefDraft>) => setDraft((d) => ({ ...d, ...change }));
  const section = { draft, patch, errors: e };

  async function save() {
    setErrors(NO_ERRORS);
    try {
      const result = await update({ variables: { negotiationId: negotiation.id, input: briefInput(draft) } });
      if (result.data) {
        const next = draftFromBrief(result.data.updateBrief);
        setSaved(next);
        setDraft(next);
        setSavedAt(new Date());
      }
    } catch (err) {
      // Everything typed stays in the editor; the errors sit next to their fields.
      setErrors(placeErrors(fieldErrors(err, t), isBriefField));
    }
  }

  return (
    <>
      <article className="page brief-editor no-print">
        <p>
          <Link to={`/campaigns/${negotiation.campaign.id}`}>{negotiation.campaign.name}</Link>
        </p>
        <h1>{t('brief.title')}</h1>
        <p className="muted">
          {t('brief.meeting', {
            date: format.dateTime(negotiation.scheduledAt),
            who: negotiation.decisionMakers.map((d) => d.name).join(', '),
          })}{' '}
          ({label(t, 'negotiationStatus', negotiation.status)})
        </p>

        <LeaveGuard dirty={dirty} />
        <form
          ref={formRef}
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!saving) void save();
          }}
          noValidate
        >
          <FormErrors title={t('brief.errorTitle')} errors={errors.general} />
          <TextAreaField
            label={t('brief.objective')}
            name="objective"
            value={draft.objective}
            onValue={(objective) => patch({ objective })}
            error={e['objective']}
          />
          <BriefDemands demands={negotiation.campaign.demands} {...section} />
          <TextAreaField
            label={t('brief.ourLeverage')}
            name="ourLeverage"
            value={draft.ourLeverage}
            onValue={(ourLeverage) => patch({ ourLeverage })}
            error={e['ourLeverage']}
          />
          <TextAreaField
            label={t('brief.theirInterests')}
            name="theirInterests"
            value={draft.theirInterests}
            onValue={(theirInterests) => patch({ theirInterests })}
            error={e['theirInterests']}
          />
          <BriefArguments {...section} onAdded={setFocusRow} />
          <BriefRoles {...section} onAdded={setFocusRow} />
          <BriefTestimonies testimonies={brief.testimonies} />
          <EvidenceSummary evidence={brief.evidence} headingId="brief-evidence" titleKey="evidence.title" className="group readonly" />
          <TextAreaField label={t('brief.fallback')} name="fallback" value={draft.fallback} onValue={(fallback) => patch({ fallback })} error={e['fallback']} />
          <TextAreaField
            label={t('brief.ifNoAgreement')}
            name="ifNoAgreement"
            value={draft.ifNoAgreement}
            onValue={(ifNoAgreement) => patch({ ifNoAgreement })}
            error={e['ifNoAgreement']}
          />
          <BriefHistory history={brief.decisionMakerHistory} />

          <div className="sticky-actions button-row">
            <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving || undefined}>
              {saving ? t('brief.saving') : t('brief.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {t('brief.print')}
            </button>
            <p role="status" className="save-status">
              {dirty ? t('brief.unsaved') : savedAt ? t('brief.savedAt', { time: format.dateTime(savedAt) }) : ''}
            </p>
          </div>
        </form>
      </article>
      <PrintableBrief brief={brief} draft={draft} />
    </>
  );
}
