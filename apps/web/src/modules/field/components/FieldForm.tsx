import { lazy, Suspense, type FormEvent, type Ref } from 'react';
import { ConversationKind, ConversationOutcome } from '@rapport/shared';
import type { FieldErrors } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { label } from '../../../i18n/labels';
import { ContactSearch, contactName } from '../../contacts/components/ContactSearch';
import { CheckboxField, ChoiceGroup, FieldShell, FormErrors, SelectField, TextAreaField, TextField } from '../../shell/components/fields';
import { hasConversation, type FieldDraft } from '../draft';
import type { FieldOptions } from '../useFieldOptions';
import { IssuesPicker } from './IssuesPicker';

const OUTCOMES = [ConversationOutcome.TALKED, ConversationOutcome.NOT_HOME, ConversationOutcome.REFUSED, ConversationOutcome.MOVED];
const KINDS = [ConversationKind.DOOR_KNOCK, ConversationKind.ONE_TO_ONE, ConversationKind.PHONE, ConversationKind.DROP_IN];
const LEVELS = [1, 2, 3, 4, 5] as const;

// "Is this Fatou Diallo?" needs the phone rules (libphonenumber-js): loaded when a new
// person is typed, not with the page. Precached with /field's other on-demand chunks;
// should it fail to load all the same, the form goes on without the question.
const DuplicateSuggestion = lazy(() =>
  import('../../contacts/components/DuplicateSuggestion').then(
    (m) => ({ default: m.DuplicateSuggestion }),
    () => ({ default: () => null }),
  ),
);

/** sent: the API has it; queued: kept on the phone, offline; sending: kept on the phone, leaving in the background. */
export type SubmitStatus = 'sent' | 'queued' | 'sending' | null;

interface FieldFormProps {
  draft: FieldDraft;
  onChange: (patch: Partial<FieldDraft>) => void;
  options: FieldOptions;
  errors: FieldErrors;
  busy: boolean;
  status: SubmitStatus;
  onSubmit: () => void;
  /** The door input: focus goes there for the next door. */
  doorRef?: Ref<HTMLInputElement>;
}

/** The door-to-door form: one screen, big targets, a few seconds per door. */
export function FieldForm({ draft, onChange, options, errors, busy, status, onSubmit, doorRef }: FieldFormProps) {
  const t = useT();
  const e = errors.fields;
  const talked = hasConversation(draft);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) onSubmit();
  }

  return (
    <form className="form field-form" onSubmit={handleSubmit} noValidate>
      <FormErrors title={t('field.errorTitle')} errors={errors.general} />

      <div className="form-row">
        <FieldShell label={t('field.campaign')} error={e['campaignId']}>
          {({ inputId, describedBy, invalid }) => (
            <select
              id={inputId}
              name="campaignId"
              value={draft.campaignId}
              onChange={(ev) => onChange({ campaignId: ev.target.value })}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            >
              <option value="">{t('field.noCampaign')}</option>
              {options.campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              {draft.campaignId && !options.campaigns.some((c) => c.id === draft.campaignId) ? (
                <option value={draft.campaignId}>{t('field.unknownCampaign')}</option>
              ) : null}
            </select>
          )}
        </FieldShell>
        <SelectField
          label={t('field.kind')}
          name="kind"
          value={draft.kind}
          options={KINDS.map((kind) => ({ value: kind, label: label(t, 'kind', kind) }))}
          onValue={(kind) => onChange({ kind })}
          error={e['kind']}
        />
      </div>

      <ChoiceGroup
        legend={t('field.outcome')}
        name="outcome"
        tiles
        className="outcomes"
        options={OUTCOMES.map((o) => ({ value: o, label: label(t, 'outcome', o) }))}
        value={draft.outcome}
        onValue={(outcome) => onChange({ outcome })}
        error={e['outcome']}
      />

      <div className="form-row form-row-3">
        <TextField
          label={t('field.street')}
          name="street"
          autoComplete="off"
          value={draft.street}
          onValue={(street) => onChange({ street })}
          error={e['street'] ?? e['newContact.street']}
        />
        <TextField
          label={t('field.building')}
          name="building"
          autoComplete="off"
          value={draft.building}
          onValue={(building) => onChange({ building })}
          error={e['building'] ?? e['newContact.building']}
        />
        <TextField
          ref={doorRef}
          label={t('field.door')}
          name="door"
          autoComplete="off"
          value={draft.door}
          onValue={(door) => onChange({ door })}
          error={e['door']}
        />
      </div>

      {talked ? (
        <>
          <fieldset className="group person">
            <legend>{t('field.person')}</legend>
            {draft.contactId ? (
              <div className="picked" data-contact={draft.contactId}>
                <p>
                  {t('field.pickedContact')} <strong>{draft.contactLabel}</strong>
                </p>
                {e['contactId'] ? <p className="field-error">{e['contactId']}</p> : null}
                <button type="button" className="button button-secondary" onClick={() => onChange({ contactId: '', contactLabel: '' })}>
                  {t('field.changeContact')}
                </button>
              </div>
            ) : (
              <>
                <ContactSearch label={t('field.searchContact')} name="contactSearch" onPick={(c) => onChange({ contactId: c.id, contactLabel: c.label })} />
                <p className="or">{t('field.orNewContact')}</p>
                <div className="form-row">
                  <TextField
                    label={t('field.firstName')}
                    name="firstName"
                    autoComplete="off"
                    value={draft.firstName}
                    onValue={(firstName) => onChange({ firstName })}
                    error={e['newContact.firstName']}
                  />
                  <TextField
                    label={t('field.lastName')}
                    name="lastName"
                    autoComplete="off"
                    value={draft.lastName}
                    onValue={(lastName) => onChange({ lastName })}
                    error={e['newContact.lastName']}
                  />
                </div>
                <div className="form-row">
                  <TextField
                    label={t('field.phone')}
                    name="phone"
                    type="tel"
                    inputMode="tel"
                    autoComplete="off"
                    value={draft.phone}
                    onValue={(phone) => onChange({ phone })}
                    error={e['newContact.phone']}
                  />
                  <TextField
                    label={t('field.email')}
                    name="email"
                    type="email"
                    inputMode="email"
                    autoComplete="off"
                    autoCapitalize="none"
                    value={draft.email}
                    onValue={(email) => onChange({ email })}
                    error={e['newContact.email']}
                  />
                </div>
                <Suspense fallback={null}>
                  <DuplicateSuggestion
                    typed={{ firstName: draft.firstName, lastName: draft.lastName, phone: draft.phone, email: draft.email, building: draft.building }}
                    onUse={(person) => onChange({ contactId: person.id, contactLabel: contactName(person) })}
                  />
                </Suspense>
                <CheckboxField
                  label={t('field.consent')}
                  name="consent"
                  checked={draft.consent}
                  onChecked={(consent) => onChange({ consent })}
                  error={e['newContact.consentGivenAt']}
                />
              </>
            )}
          </fieldset>

          <IssuesPicker known={options.issues} value={draft.issues} onChange={(issues) => onChange({ issues })} errors={e} />

          <ChoiceGroup
            legend={t('field.interestLevel')}
            name="interestLevel"
            className="scale"
            options={LEVELS.map((n) => ({ value: n, label: String(n) }))}
            value={draft.interestLevel}
            onValue={(interestLevel) => onChange({ interestLevel })}
            error={e['interestLevel']}
          />
          <CheckboxField
            label={t('field.leadershipPotential')}
            name="leadershipPotential"
            checked={draft.leadershipPotential}
            onChecked={(leadershipPotential) => onChange({ leadershipPotential })}
            error={e['leadershipPotential']}
          />
          <TextField
            label={t('field.selfInterest')}
            name="selfInterest"
            value={draft.selfInterest}
            onValue={(selfInterest) => onChange({ selfInterest })}
            error={e['selfInterest']}
          />
        </>
      ) : null}

      <TextField
        label={t('field.followUpAt')}
        name="followUpAt"
        type="date"
        value={draft.followUpAt}
        onValue={(followUpAt) => onChange({ followUpAt })}
        error={e['followUpAt']}
      />
      <TextAreaField label={t('field.notes')} name="notes" rows={2} value={draft.notes} onValue={(notes) => onChange({ notes })} error={e['notes']} />

      <button type="submit" className="button button-primary button-big" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('field.saving') : t('field.save')}
      </button>
      <p className="submit-status" role="status" data-status={status ?? ''}>
        {status === 'sent' ? t('field.sent') : status === 'queued' ? t('field.queued') : status === 'sending' ? t('field.sending') : ''}
      </p>
    </form>
  );
}
