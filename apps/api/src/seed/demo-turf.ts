import type { Gql } from './replay-fixture.js';

// A few Villejean towers for the demo's turf page: Tour Kennedy B (16 floors) and its
// neighbours, some floors knocked ("personne") in batches, a few talks and refusals, a
// do-not-knock door. Deterministic: the same doors, outcomes and days at every load
// (days counted back from `now`, so the revisit list always has doors in it).
// Recorded through the api (createBuilding, logDoorsVisit, logConversation), like a phone.

const DAY = 86_400_000;

const TOWERS = [
  { street: 'Avenue John Fitzgerald Kennedy', number: '4', name: 'Tour Kennedy B', floors: 16, doorsPerFloor: 8 },
  { street: 'Avenue John Fitzgerald Kennedy', number: '6', name: 'Tour Kennedy C', floors: 16, doorsPerFloor: 8 },
  { street: 'Rue de Bourgogne', number: '11', name: 'Les Horizons', floors: 12, doorsPerFloor: 6 },
];

/** Floors of Tour Kennedy B knocked "not home", and how many days ago. */
const NOT_HOME_FLOORS: Array<[floor: number, daysAgo: number]> = [
  [1, 9],
  [2, 9],
  [3, 9],
  [7, 4],
  [8, 4],
];

type Door = { id: string; floor: number; label: string };

export async function seedDemoTurf(gql: Gql, token: string, campaignId: string, contactIds: string[], now = new Date()): Promise<void> {
  const towers: Array<{ id: string; doors: Door[] }> = [];
  for (const tower of TOWERS) {
    const data = await gql(
      `mutation($input: BuildingInput!) { createBuilding(input: $input) { id doors { id floor label } } }`,
      {
        input: { campaignId, postalCode: '35000', city: 'Rennes', ...tower },
      },
      token,
    );
    towers.push(data.createBuilding);
  }
  const [kennedyB, kennedyC] = towers;
  const onFloor = (t: { doors: Door[] }, floor: number) => t.doors.filter((d) => d.floor === floor);
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

  for (const [floor, days] of NOT_HOME_FLOORS) {
    await gql(
      `mutation($input: DoorsVisitInput!) { logDoorsVisit(input: $input) { id } }`,
      {
        input: {
          clientId: `demo-turf-kb-${floor}`,
          doorIds: onFloor(kennedyB, floor)
            .slice(1)
            .map((d) => d.id),
          outcome: 'NOT_HOME',
          occurredAt: ago(days),
        },
      },
      token,
    );
    // The first door of each floor opened: a talk, with the person when the demo has one.
    const contactId = contactIds[floor % Math.max(contactIds.length, 1)];
    await gql(
      `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`,
      {
        input: {
          clientId: `demo-turf-kb-talk-${floor}`,
          kind: 'DOOR_KNOCK',
          outcome: 'TALKED',
          doorId: onFloor(kennedyB, floor)[0].id,
          occurredAt: ago(days),
          ...(contactId ? { contactId } : {}),
          issues: [{ name: 'Fermeture de l’accueil CPAM', intensity: 4 }],
        },
      },
      token,
    );
  }
  await gql(
    `mutation($input: DoorsVisitInput!) { logDoorsVisit(input: $input) { id } }`,
    {
      input: {
        clientId: 'demo-turf-kc-refused',
        doorIds: onFloor(kennedyC, 2)
          .slice(0, 2)
          .map((d) => d.id),
        outcome: 'REFUSED',
        occurredAt: ago(6),
      },
    },
    token,
  );
  await gql(`mutation($d: ID!) { setDoNotKnock(doorId: $d, doNotKnock: true) { id } }`, { d: onFloor(kennedyC, 2)[0].id }, token);
}
