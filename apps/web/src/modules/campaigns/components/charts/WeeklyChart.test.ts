import { describe, expect, it } from 'vitest';
import { weeklySeries } from './WeeklyChart';

// Mondays at midnight in Paris, in UTC: 23:00 in winter, 22:00 in summer.
const week = (iso: string, count: number) => ({ weekStart: iso, count });

describe('weeklySeries', () => {
  it('fills the empty weeks between weeks with conversations, across a change of time', () => {
    const series = weeklySeries([week('2020-03-15T23:00:00.000Z', 3), week('2020-04-05T22:00:00.000Z', 5)]);
    expect(series.map((w) => w.count)).toEqual([3, 0, 0, 5]);
  });

  it('keeps the last weeks only, up to the last week with conversations', () => {
    const series = weeklySeries([week('2016-09-04T22:00:00.000Z', 1), week('2020-02-16T23:00:00.000Z', 60)], 4);
    expect(series).toHaveLength(4);
    expect(series.at(-1)!.count).toBe(60);
    expect(series.slice(0, 3).every((w) => w.count === 0)).toBe(true);
  });

  it('draws nothing without conversations', () => {
    expect(weeklySeries([])).toEqual([]);
  });
});
