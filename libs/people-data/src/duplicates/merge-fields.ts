import { normalizeForMatch } from '@rapport/shared';
import type { Contact } from '@rapport/contacts';

/** The one-value fields of a contact: an empty one on the kept record takes the dropped record's value. */
export const FILLABLE_FIELDS = ['lastName', 'phone', 'email', 'street', 'building', 'postalCode', 'city', 'neighbourhood', 'consentGivenAt'] as const;
/** Every one-value field a merge may lose (the first name is never empty, so never filled). */
export const SINGLE_FIELDS = ['firstName', ...FILLABLE_FIELDS] as const;
/** Lists are joined (union): nothing of them is lost. */
export const LIST_FIELDS = ['languages', 'tags', 'allyRoles'] as const;

type SingleField = (typeof SINGLE_FIELDS)[number];
type Fields = Pick<Contact, SingleField | (typeof LIST_FIELDS)[number] | 'isLeader'>;

const text = (value: string | Date | null | undefined): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : value.trim() || null;
const same = (a: string, b: string) => normalizeForMatch(a) === normalizeForMatch(b);

export interface MergePlan {
  /** The kept record's columns after the merge. */
  columns: Partial<Contact>;
  /** Fields the kept record takes from the dropped one. */
  filled: SingleField[];
  /** The dropped record's values that go (the kept record has another), by field. */
  lost: Partial<Record<SingleField, string>>;
}

/**
 * What a merge writes on the kept record: its empty fields take the dropped one's
 * values, lists are joined, the leader flag is kept if either has it; nothing else
 * of the kept record changes. The web app computes the same "lost" list before the
 * merge (apps/web/src/modules/contacts/merge.ts).
 */
export function planMerge(keep: Fields, drop: Fields): MergePlan {
  const columns: Partial<Contact> = {};
  const filled: SingleField[] = [];
  const lost: MergePlan['lost'] = {};
  for (const field of SINGLE_FIELDS) {
    const kept = text(keep[field]);
    const dropped = text(drop[field]);
    if (dropped === null) continue;
    if (kept === null) {
      (columns as Record<string, unknown>)[field] = drop[field];
      filled.push(field);
    } else if (!same(kept, dropped)) lost[field] = dropped;
  }
  for (const field of LIST_FIELDS) {
    const union = [...new Set([...(keep[field] as string[]), ...(drop[field] as string[])])];
    if (union.length !== keep[field].length) (columns as Record<string, unknown>)[field] = union;
  }
  if (drop.isLeader && !keep.isLeader) columns.isLeader = true;
  return { columns, filled, lost };
}
