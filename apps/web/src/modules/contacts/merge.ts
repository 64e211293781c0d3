import { normalizeForMatch } from '@rapport/shared';

/** The one-value fields a merge may lose, in the order the page lists them (as the API's merge-fields.ts). */
export const MERGE_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'street', 'building', 'postalCode', 'city', 'neighbourhood', 'consentGivenAt'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type MergeRecord = { [K in MergeField]?: string | null };

const present = (value: string | null | undefined) => (value ?? '').trim() || null;

/**
 * What merging `drop` into `keep` loses: the dropped record's values where the kept one
 * already has another. Empty fields of the kept record take the dropped values (nothing
 * lost), lists (tags, languages, roles) are joined, history moves: only these go. The
 * API computes the same (libs/people-data/src/duplicates/merge-fields.ts) and records it.
 */
export function lostValues(keep: MergeRecord, drop: MergeRecord): Array<{ field: MergeField; value: string; kept: string }> {
  const lost: Array<{ field: MergeField; value: string; kept: string }> = [];
  for (const field of MERGE_FIELDS) {
    const kept = present(keep[field]);
    const dropped = present(drop[field]);
    if (kept && dropped && normalizeForMatch(kept) !== normalizeForMatch(dropped)) lost.push({ field, value: dropped, kept });
  }
  return lost;
}
