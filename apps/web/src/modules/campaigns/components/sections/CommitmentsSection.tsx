import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { CommitmentStatus } from '@rapport/shared';
import { useT } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { label } from '../../../../i18n/labels';
import { ContactSearch, contactName, type PickedContact } from '../../../contacts/components/ContactSearch';
import { Disclosure } from '../../../shell/components/Disclosure';
import { ChoiceGroup, FormErrors, SelectField, TextAreaField, TextField } from '../../../shell/components/fields';
import { keys, toInstant, useFormErrors } from '../../../shell/useFormErrors';
import { RecordCommitmentMutation, RescheduleCommitmentMutation, ResolveCommitmentMutation } from '../../graphql/workspace';
import { REFETCH, type CommitmentRow, type DecisionMakerRow } from './workspace';

type Counts = ReadonlyArray<{ status: string; count: number }>;
const countOf = (counts: Counts, status: string) => counts.find((c) => c.status === status)?.count ?? 0;

interface CommitmentsSectionProps {
  campaignId: string;
  contactCounts: Counts;
  decisionMakerCounts: Counts;
  overdue: number;
  commitments: readonly CommitmentRow[] | undefined;
  decisionMakers: readonly DecisionMakerRow[];
}

/** Promises kept, broken and open; each open one settled (kept / broken / new date); a new promise recorded. */
export function CommitmentsSection({ campaignId, contactCounts, decisionMakerCounts, overdue, commitments, decisionMakers }: CommitmentsSectionProps) {
  const t = useT();
  const format = useFormat();
  const rows: Array<[string, string, Counts]> = [
    ['contacts', t('dashboard.commitmentsContacts'), contactCounts],
    ['decisionMakers', t('dashboard.commitmentsDecisionMakers'), decisionMakerCounts],
  ];
  const open = (commitments ?? []).filter((c) => c.status === CommitmentStatus.OPEN).sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  return (
    <section aria-labelledby="dash-commitments" className="panel" data-section="commitments">
      <h2 id="dash-commitments">{t('dashboard.commitments')}</h2>
      <table className="table">
        <thead>
          <tr>
            <td />
            {[CommitmentStatus.KEPT, CommitmentStatus.BROKEN, CommitmentStatus.OPEN].map((s) => (
              <th key={s} scope="col" className="num">
                {label(t, 'commitmentStatus', s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, name, counts]) => (
            <tr key={key} data-row={key}>
              <th scope="row">{name}</th>
              {[CommitmentStatus.KEPT, CommitmentStatus.BROKEN, CommitmentStatus.OPEN].map((s) => (
                <td key={s} className="num" data-status={s}>
                  {format.number(countOf(counts, s))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p data-figure="overdueFollowUps" className={overdue > 0 ? 'warning' : 'muted'}>
        {t('dashboard.overdue', { count: format.number(overdue) })}
      </p>
      {open.length ? (
        <>
          <h3>{t('commitments.open')}</h3>
          <ul className="list" data-section="openCommitments">
            {open.map((c) => (
              <OpenCommitment key={c.id} commitment={c} />
            ))}
          </ul>
        </>
      ) : null}
      <Disclosure label={t('commitments.add')}>
        {(close) => <RecordCommitmentForm campaignId={campaignId} decisionMakers={decisionMakers} onDone={close} />}
      </Disclosure>
    </section>
  );
}

export function commitmentWho(c: Pick<CommitmentRow, 'contact' | 'decisionMaker'>): string {
  return c.decisionMaker?.name ?? (c.contact ? contactName(c.contact) : '');
}

/** One open promise: kept, broken (with a note), or moved to a new date. */
export function OpenCommitment({ commitment }: { commitment: Pick<CommitmentRow, 'id' | 'description' | 'dueAt' | 'contact' | 'decisionMaker'> }) {
  const t = useT();
  const format = useFormat();
  const [mode, setMode] = useState<'idle' | 'reschedule'>('idle');
  const [note, setNote] = useState('');
  const [dueAt, setDueAt] = useState('');
  const { fields, errors, submit, busy } = useFormErrors(keys('dueAt', 'note', 'status'));
  const [resolve] = useMutation(ResolveCommitmentMutation);
  const [reschedule] = useMutation(RescheduleCommitmentMutation);
  const [now] = useState(() => Date.now()); // the moment the page opened: rendering stays pure
  const overdue = Date.parse(commitment.dueAt) < now;
  const who = commitmentWho(commitment);

  const settle = (status: CommitmentStatus) => void submit(() => resolve({ variables: { id: commitment.id, status, note: note.trim() || null }, ...REFETCH }));

  return (
    <li className="row-item" data-commitment={commitment.id}>
      <p>
        {who ? <strong>{who} : </strong> : null}
        {commitment.description} — <span className={overdue ? 'warning' : 'muted'}>{t('commitments.dueOn', { date: format.date(commitment.dueAt) })}</span>
      </p>
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <TextField
        label={t('commitments.note', { who: who || t('commitments.this') })}
        name={`note-${commitment.id}`}
        value={note}
        onValue={setNote}
        error={fields['note']}
        hint={t('common.optional')}
      />
      <div className="button-row" role="group" aria-label={t('commitments.settle', { what: commitment.description })}>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => settle(CommitmentStatus.KEPT)}>
          {t('commitments.kept')}
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={() => settle(CommitmentStatus.BROKEN)}>
          {t('commitments.broken')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          aria-expanded={mode === 'reschedule'}
          onClick={() => setMode(mode === 'reschedule' ? 'idle' : 'reschedule')}
        >
          {t('commitments.newDate')}
        </button>
      </div>
      {mode === 'reschedule' ? (
        <form
          className="form form-inline"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit(() => reschedule({ variables: { id: commitment.id, dueAt: toInstant(dueAt) ?? '' }, ...REFETCH })).then((ok) => ok && setMode('idle'));
          }}
        >
          <TextField
            label={t('commitments.newDueAt')}
            name={`dueAt-${commitment.id}`}
            type="date"
            value={dueAt}
            onValue={setDueAt}
            error={fields['dueAt']}
            autoFocus
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('commitments.move')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

interface RecordCommitmentFormProps {
  campaignId: string;
  decisionMakers: ReadonlyArray<Pick<DecisionMakerRow, 'id' | 'name'>>;
  onDone: () => void;
  /** A promise obtained at the negotiation table. */
  negotiationId?: string;
  /** Only decision-makers (at the table, nobody else promises). */
  decisionMakersOnly?: boolean;
}

/** "Who promised what, by when": a decision-maker (chosen in the list) or a person (searched). */
export function RecordCommitmentForm({ campaignId, decisionMakers, onDone, negotiationId, decisionMakersOnly }: RecordCommitmentFormProps) {
  const t = useT();
  const [who, setWho] = useState<'decisionMaker' | 'contact'>('decisionMaker');
  const [decisionMakerId, setDecisionMakerId] = useState(decisionMakers[0]?.id ?? '');
  const [contact, setContact] = useState<PickedContact | null>(null);
  const [description, setDescription] = useState('');
  const [dueAt, setDueAt] = useState('');
  const { fields, errors, submit, busy } = useFormErrors(keys('description', 'dueAt', 'decisionMakerId', 'contactId'));
  const [record] = useMutation(RecordCommitmentMutation);
  const byDecisionMaker = decisionMakersOnly || who === 'decisionMaker';

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() =>
          record({
            variables: {
              input: {
                campaignId,
                negotiationId: negotiationId ?? null,
                description,
                dueAt: toInstant(dueAt) ?? '',
                decisionMakerId: byDecisionMaker ? decisionMakerId || null : null,
                contactId: byDecisionMaker ? null : (contact?.id ?? null),
              },
            },
            ...REFETCH,
          }),
        ).then((ok) => ok && onDone());
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      {decisionMakersOnly ? null : (
        <ChoiceGroup
          legend={t('commitments.who')}
          name="who"
          value={who}
          options={[
            { value: 'decisionMaker', label: t('commitments.byDecisionMaker') },
            { value: 'contact', label: t('commitments.byContact') },
          ]}
          onValue={setWho}
        />
      )}
      {byDecisionMaker ? (
        <SelectField
          label={t('commitments.decisionMaker')}
          name="decisionMakerId"
          value={decisionMakerId}
          options={[{ value: '', label: t('commitments.chooseDecisionMaker') }, ...decisionMakers.map((d) => ({ value: d.id, label: d.name }))]}
          onValue={setDecisionMakerId}
          error={fields['decisionMakerId']}
        />
      ) : contact ? (
        <p className="picked">
          {t('field.pickedContact')} <strong>{contact.label}</strong>{' '}
          <button type="button" className="button button-quiet-dark" onClick={() => setContact(null)}>
            {t('field.changeContact')}
          </button>
          {fields['contactId'] ? <span className="field-error"> {fields['contactId']}</span> : null}
        </p>
      ) : (
        <>
          <ContactSearch label={t('commitments.searchContact')} name="commitmentContact" onPick={setContact} />
          {fields['contactId'] ? <p className="field-error">{fields['contactId']}</p> : null}
        </>
      )}
      <TextAreaField
        label={t('commitments.description')}
        name="description"
        rows={2}
        value={description}
        onValue={setDescription}
        error={fields['description']}
        required
      />
      <TextField label={t('commitments.dueAt')} name="dueAt" type="date" value={dueAt} onValue={setDueAt} error={fields['dueAt']} required />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('commitments.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
