import { describe, expect, it } from 'vitest';
import { byNextStep } from './components/MyCasesPage';
import { dayOfSession } from './components/SessionPage';

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
