import { CaseStatus, normalizeForMatch } from '@rapport/shared';
import type { AgencyTally, CaseEvidence } from './dto/casework.types.js';

const DAY_MS = 86_400_000;
const MAX_QUOTES = 5;

export interface EvidenceRow {
  contactId: string;
  agency: string;
  status: CaseStatus;
  openedAt: Date;
  closedAt: Date | null;
  recoveredCents: number | null;
  summary: string;
  /** The person gave consent (and was not erased): their case's summary may be quoted. */
  consenting: boolean;
}

const isOpen = (s: CaseStatus) => s === CaseStatus.OPEN || s === CaseStatus.WAITING_ON_AGENCY;

/** The median of the values; the mean of the two middle ones for an even count; null when none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Cases counted: never a name. Days to close are whole-or-fractional days between
 * opening and closing, rounded to a tenth. Agencies are grouped as they are matched
 * (case-, accent- and space-insensitive), under the first spelling of the rows given.
 */
export function countEvidence(rows: EvidenceRow[]): CaseEvidence {
  const agencies = new Map<string, AgencyTally>();
  for (const r of [...rows].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())) {
    const key = normalizeForMatch(r.agency);
    const tally = agencies.get(key) ?? { agency: r.agency, cases: 0, open: 0, resolved: 0, unresolved: 0 };
    tally.cases += 1;
    if (isOpen(r.status)) tally.open += 1;
    if (r.status === CaseStatus.RESOLVED) tally.resolved += 1;
    if (r.status === CaseStatus.UNRESOLVED) tally.unresolved += 1;
    agencies.set(key, tally);
  }
  const closed = rows.filter((r) => !isOpen(r.status) && r.closedAt);
  const days = median(closed.map((r) => (r.closedAt!.getTime() - r.openedAt.getTime()) / DAY_MS));
  return {
    cases: rows.length,
    people: new Set(rows.map((r) => r.contactId)).size,
    open: rows.filter((r) => isOpen(r.status)).length,
    resolved: rows.filter((r) => r.status === CaseStatus.RESOLVED).length,
    unresolved: rows.filter((r) => r.status === CaseStatus.UNRESOLVED).length,
    medianDaysToClose: days === null ? null : Math.round(days * 10) / 10,
    recoveredCents: rows.reduce((sum, r) => sum + (r.recoveredCents ?? 0), 0),
    byAgency: [...agencies.values()].sort((a, b) => b.cases - a.cases || a.agency.localeCompare(b.agency)),
    quotes: rows
      .filter((r) => r.consenting && r.summary.trim() !== '')
      .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime())
      .slice(0, MAX_QUOTES)
      .map((r) => r.summary),
  };
}
