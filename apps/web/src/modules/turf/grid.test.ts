import { describe, expect, it } from 'vitest';
import { doorState, floorsOf } from './grid';

const door = (floor: number, label: string, lastOutcome: string | null = null, doNotKnock = false) => ({
  id: `${floor}-${label}`,
  floor,
  label,
  lastOutcome,
  doNotKnock,
});

describe('turf grid', () => {
  it('lists floors top to bottom, each with its doors in the order given', () => {
    const floors = floorsOf([door(0, 'A'), door(0, 'B'), door(2, 'A'), door(1, 'A')]);
    expect(floors.map((f) => [f.floor, f.doors.map((d) => d.label)])).toEqual([
      [2, ['A']],
      [1, ['A']],
      [0, ['A', 'B']],
    ]);
  });

  it('shows the last outcome, none before any visit, and do-not-knock above all', () => {
    expect(doorState(door(0, 'A'))).toBe('none');
    expect(doorState(door(0, 'A', 'NOT_HOME'))).toBe('NOT_HOME');
    expect(doorState(door(0, 'A', 'TALKED', true))).toBe('doNotKnock');
  });
});
