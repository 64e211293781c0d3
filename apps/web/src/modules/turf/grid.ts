/** A door as the grid needs it. */
export interface GridDoor {
  id: string;
  floor: number;
  label: string;
  lastOutcome?: string | null;
  doNotKnock: boolean;
}

/** Floors top to bottom (as one faces a tower), each with its doors in label order. */
export function floorsOf<D extends GridDoor>(doors: readonly D[]): Array<{ floor: number; doors: D[] }> {
  const byFloor = new Map<number, D[]>();
  for (const door of doors) byFloor.set(door.floor, [...(byFloor.get(door.floor) ?? []), door]);
  return [...byFloor.entries()].sort(([a], [b]) => b - a).map(([floor, list]) => ({ floor, doors: list }));
}

/** The state a door shows: its last outcome, or none; do-not-knock wins. */
export function doorState(door: GridDoor): 'none' | 'NOT_HOME' | 'REFUSED' | 'TALKED' | 'MOVED' | 'doNotKnock' {
  if (door.doNotKnock) return 'doNotKnock';
  return (door.lastOutcome as 'NOT_HOME' | 'REFUSED' | 'TALKED' | 'MOVED' | null | undefined) ?? 'none';
}
