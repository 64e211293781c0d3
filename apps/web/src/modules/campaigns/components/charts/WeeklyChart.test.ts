import { describe, expect, it } from 'vitest';
import { weeklySeries } from './WeeklyChart';

// Mondays at midnight in Paris, in UTC: 23:00 in winter, 22:00 in summer.
const week = (iso: string, count: number) => ({ weekStart: iso, count });

describe('weeklySeries', () => {
  it('fills the empty weeks between weeks with conversations, across a change of time', () => {
    const series = weeklySeries([week('2020-03-15T23:00:00.000Z', 3), week('2020-04-05T22:00:00.000Z', 5)]);
    expect(series.map((w) => w.count)).toEqual([3, 0, 0, 5]);
  });

  it('covers the whole campaign: from its start to today, the empty weeks at zero (no 52-week window)', () => {
    const series = weeklySeries([week('2016-09-04T22:00:00.000Z', 1), week('2020-02-16T23:00:00.000Z', 60)], {
      from: '2016-08-20T10:00:00.000Z', // a Saturday: its week began on Monday 15 August
      to: '2020-03-04T12:00:00.000Z', // a Wednesday, two weeks and a half after the last conversations
    });
    expect(series[0]!.weekStart).toBe('2016-08-15T00:00:00.000Z');
    expect(series[0]!.count).toBe(0);
    expect(series.find((w) => w.count === 1)!.weekStart).toBe('2016-09-04T22:00:00.000Z');
    expect(series.at(-3)!.count).toBe(60);
    expect(series.at(-1)!.count).toBe(0);
    expect(series.length).toBeGreaterThan(52 * 3);
    // Every week once, seven days apart.
    const days = series.map((w) => Math.round(Date.parse(w.weekStart) / 86_400_000));
    expect(days.slice(1).every((d, i) => d - days[i]! === 7)).toBe(true);
  });

  it('draws nothing without conversations', () => {
    expect(weeklySeries([])).toEqual([]);
  });
});
