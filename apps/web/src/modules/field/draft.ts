import { ConversationKind, ConversationOutcome } from '@rapport/shared';
import type { LogConversationInput } from '../../gql/graphql';
import type { Translate } from '../../i18n';

// The field form's state, as typed. Kept in localStorage while typing (a call, a
// closed tab or a reload loses nothing) and stored with each outbox entry (to reopen
// an entry the API refused).

export interface IssueDraft {
  name: string;
  intensity: number;
  quote: string;
}

export interface FieldDraft {
  campaignId: string;
  kind: ConversationKind;
  outcome: ConversationOutcome | '';
  street: string;
  building: string;
  door: string;
  /** The turf's door (from /field?door=): the API fills street, building and door from it. */
  doorId: string;
  /** An existing contact picked by search; when set, the new-contact fields are ignored. */
  contactId: string;
  contactLabel: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  consent: boolean;
  issues: IssueDraft[];
  selfInterest: string;
  interestLevel: number | null;
  leadershipPotential: boolean;
  /** yyyy-mm-dd, from <input type=date>. */
  followUpAt: string;
  notes: string;
}

export const DEFAULT_INTENSITY = 3;

export function emptyDraft(campaignId = ''): FieldDraft {
  return {
    campaignId,
    kind: ConversationKind.DOOR_KNOCK,
    outcome: '',
    street: '',
    building: '',
    door: '',
    doorId: '',
    contactId: '',
    contactLabel: '',
    firstName: '',
    lastName: '',
    phone: '',
    email: '',
    consent: false,
    issues: [],
    selfInterest: '',
    interestLevel: null,
    leadershipPotential: false,
    followUpAt: '',
    notes: '',
  };
}

/** After a door: the next one is on the same landing, for the same campaign. */
export function nextDoor(previous: FieldDraft): FieldDraft {
  return { ...emptyDraft(previous.campaignId), kind: previous.kind, street: previous.street, building: previous.building };
}

/** Person, issues and interest only make sense when someone talked with us. */
export function hasConversation(draft: Pick<FieldDraft, 'outcome'>): boolean {
  return draft.outcome === ConversationOutcome.TALKED;
}

const orNull = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** A follow-up date means "that morning": 09:00 local time. */
function followUp(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const at = new Date(`${date}T09:00:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/**
 * What the phone can tell before saving, every problem at once: the outcome, and
 * the new person's phone and email formats (keys as the API names them).
 */
export async function localErrors(draft: FieldDraft, t: Translate): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (!draft.outcome) errors['outcome'] = t('field.outcomeRequired');
  if (hasConversation(draft) && !draft.contactId && (draft.phone.trim() || draft.email.trim())) {
    // The phone rules (libphonenumber-js, about 28 KB gzipped) load here, at the first
    // save with a phone or email, not with the page: /field opens sooner on a weak signal.
    // Offline too: the service worker precaches what /field loads on demand (vite.config.ts).
    // Should it still fail to load, the API's checks (the same rules) answer instead.
    const formats = await import('../contacts/formats').catch(() => null);
    if (formats) Object.assign(errors, formats.formatErrors(draft, t, 'newContact.'));
  }
  return errors;
}

/** The mutation input for a draft. `now` is when the door was knocked, not when it is sent. */
export function toInput(draft: FieldDraft, clientId: string, now: Date): LogConversationInput {
  const talked = hasConversation(draft);
  const input: LogConversationInput = {
    clientId,
    kind: draft.kind,
    outcome: draft.outcome as ConversationOutcome,
    occurredAt: now.toISOString(),
    campaignId: draft.campaignId || null,
    street: orNull(draft.street),
    building: orNull(draft.building),
    door: orNull(draft.door),
    followUpAt: followUp(draft.followUpAt),
    notes: orNull(draft.notes),
  };
  if (draft.doorId) input.doorId = draft.doorId;
  if (!talked) return input;
  if (draft.contactId) {
    input.contactId = draft.contactId;
  } else if (draft.firstName.trim()) {
    input.newContact = {
      firstName: draft.firstName.trim(),
      lastName: orNull(draft.lastName),
      phone: orNull(draft.phone),
      email: orNull(draft.email),
      street: orNull(draft.street),
      building: orNull(draft.building),
      consentGivenAt: draft.consent ? now.toISOString() : null,
    };
  }
  const issues = draft.issues
    .filter((issue) => issue.name.trim())
    .map((issue) => ({ name: issue.name.trim(), intensity: issue.intensity, quote: orNull(issue.quote) }));
  if (issues.length) input.issues = issues;
  input.selfInterest = orNull(draft.selfInterest);
  input.interestLevel = draft.interestLevel;
  input.leadershipPotential = draft.leadershipPotential;
  return input;
}

/** "12 rue Guy Ropartz, bât. B, porte 34": how an entry is named in the outbox lists. */
export function describeDoor(draft: FieldDraft): string {
  return [draft.street, draft.building, draft.door]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' · ');
}

export function isFieldDraft(value: unknown): value is FieldDraft {
  const draft = value as Partial<FieldDraft> | null;
  return !!draft && typeof draft === 'object' && typeof draft.street === 'string' && Array.isArray(draft.issues);
}
