import { ArgumentKind, NegotiationRole } from '@rapport/shared';
import type { BriefFieldsFragment, BriefInput } from '../../gql/graphql';

// The brief as edited: plain strings (textareas), and lists of rows with a local key.

export interface ArgumentRow {
  key: string;
  kind: ArgumentKind;
  text: string;
}

export interface RoleRow {
  key: string;
  role: NegotiationRole;
  contactId: string;
  contactLabel: string;
}

export interface BriefDraft {
  objective: string;
  demandIds: string[];
  ourLeverage: string;
  theirInterests: string;
  fallback: string;
  ifNoAgreement: string;
  arguments: ArgumentRow[];
  roles: RoleRow[];
}

let counter = 0;
export const rowKey = () => `row-${++counter}`;

export function draftFromBrief(brief: BriefFieldsFragment): BriefDraft {
  return {
    objective: brief.objective ?? '',
    demandIds: brief.demands.map((d) => d.id),
    ourLeverage: brief.ourLeverage ?? '',
    theirInterests: brief.theirInterests ?? '',
    fallback: brief.fallback ?? '',
    ifNoAgreement: brief.ifNoAgreement ?? '',
    arguments: brief.arguments.map((a) => ({ key: rowKey(), kind: a.kind, text: a.text })),
    roles: brief.roles.map((r) => ({
      key: rowKey(),
      role: r.role,
      contactId: r.contact.id,
      contactLabel: [r.contact.firstName, r.contact.lastName].filter(Boolean).join(' '),
    })),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function briefInput(draft: BriefDraft): BriefInput {
  return {
    objective: orNull(draft.objective),
    demandIds: draft.demandIds,
    ourLeverage: orNull(draft.ourLeverage),
    theirInterests: orNull(draft.theirInterests),
    fallback: orNull(draft.fallback),
    ifNoAgreement: orNull(draft.ifNoAgreement),
    arguments: draft.arguments.map((a) => ({ kind: a.kind, text: a.text.trim() })),
    roles: draft.roles.map((r) => ({ role: r.role, contactId: r.contactId })),
  };
}

/** Same content, ignoring row keys: is there anything unsaved? */
export function sameBrief(a: BriefDraft, b: BriefDraft): boolean {
  return JSON.stringify(briefInput(a)) === JSON.stringify(briefInput(b));
}

export const ARGUMENT_KINDS = Object.values(ArgumentKind);
export const NEGOTIATION_ROLES = Object.values(NegotiationRole);
