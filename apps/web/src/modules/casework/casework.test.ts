import { describe, expect, it } from 'vitest';
import { byNextStep } from './components/MyCasesPage';
import { dayOfSession, regularsOf } from './components/SessionPage';
import { dayToIso } from './components/CaseForms';

describe('my cases', () => {
  it('puts the oldest next step first, open cases without one next, closed ones last', () => {
    const cases = [
      { id: 'closed', status: 'RESOLVED', nextStepAt: '2026-01-01T10:00:00Z' },
      { id: 'none', status: 'OPEN', nextStepAt: null },
      { id: 'later', status: 'WAITING_ON_AGENCY', nextStepAt: '2026-03-01T10:00:00Z' },
      { id: 'soon', status: 'OPEN', nextStepAt: '2026-02-01T10:00:00Z' },
    ];
    expect(byNextStep(cases).map((c) => c.id)).toEqual(['soon', 'later', 'none', 'closed']);
  });
});

describe('session ids', () => {
  it('give the day of the session', () => {
    expect(dayOfSession('0b6f4f58-3c1e-4c52-9e59-1a2b3c4d5e6f_2026-03-05')).toBe('2026-03-05');
    expect(dayOfSession('nonsense')).toBeNull();
  });
});

describe('the regulars of a series', () => {
  it('are whoever came lately, most often present first, then by name, each once', () => {
    const awa = { id: 'a', firstName: 'Awa', lastName: 'Diallo' };
    const karim = { id: 'k', firstName: 'Karim', lastName: null };
    const lina = { id: 'l', firstName: 'Lina', lastName: 'Benali' };
    const sessions = [{ attendees: [lina, karim] }, { attendees: [karim, awa] }, { attendees: [] }];
    expect(regularsOf(sessions).map((p) => p.id)).toEqual(['k', 'a', 'l']);
  });
});

describe('dates typed in the case forms', () => {
  it('are that day at 09:00 on this phone, or nothing', () => {
    const iso = dayToIso('2026-03-02')!;
    const d = new Date(iso);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2026, 2, 2, 9]);
    expect(dayToIso('')).toBeNull();
    expect(dayToIso('02/03/2026')).toBeNull();
  });
});
