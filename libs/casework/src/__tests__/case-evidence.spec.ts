import { CaseStatus } from '@rapport/shared';
import { countEvidence, median, type EvidenceRow } from '../case-evidence.js';

const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000);
const row = (r: Partial<EvidenceRow>): EvidenceRow => ({
  contactId: 'a',
  agency: 'CAF',
  status: CaseStatus.OPEN,
  openedAt: day(0),
  closedAt: null,
  recoveredCents: null,
  summary: '',
  consenting: false,
  ...r,
});

describe('case evidence', () => {
  it('median of odd and even counts, none', () => {
    expect(median([47, 3, 10])).toBe(10);
    expect(median([4, 1, 10, 6])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('counts by agency under the first spelling, people once, money and quotes of consenting people only', () => {
    const evidence = countEvidence([
      row({
        contactId: 'a',
        agency: 'CAF',
        status: CaseStatus.RESOLVED,
        openedAt: day(0),
        closedAt: day(47),
        recoveredCents: 120_000,
        summary: 'APL suspendue',
        consenting: true,
      }),
      row({
        contactId: 'b',
        agency: 'Caf ',
        status: CaseStatus.RESOLVED,
        openedAt: day(1),
        closedAt: day(11),
        recoveredCents: 30_050,
        summary: 'RSA suspendu',
        consenting: false,
      }),
      row({ contactId: 'b', agency: 'CPAM', status: CaseStatus.UNRESOLVED, openedAt: day(2), closedAt: day(62), summary: 'Carte vitale', consenting: false }),
      row({ contactId: 'c', agency: 'cpam', status: CaseStatus.WAITING_ON_AGENCY, openedAt: day(3), summary: 'CSS', consenting: true }),
    ]);
    expect(evidence).toEqual({
      cases: 4,
      people: 3,
      open: 1,
      resolved: 2,
      unresolved: 1,
      medianDaysToClose: 47, // 10, 47, 60
      recoveredCents: 150_050,
      byAgency: [
        { agency: 'CAF', cases: 2, open: 0, resolved: 2, unresolved: 0 },
        { agency: 'CPAM', cases: 2, open: 1, resolved: 0, unresolved: 1 },
      ],
      quotes: ['CSS', 'APL suspendue'],
    });
  });
});
