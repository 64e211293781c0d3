// Small builders for the decision-makers, actions, wins and calendar tests.
import type { GqlResponse, TestApp } from './test-app.js';

export const NIL_UUID = '00000000-0000-4000-8000-000000000000';

export async function createCampaign(t: TestApp, token: string, name = 'CPAM Villejean') {
  const data = await t.ok<{ createCampaign: { id: string } }>(
    `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
    { input: { name } },
    token,
  );
  return data.createCampaign.id;
}

export async function createContact(t: TestApp, token: string, input: Record<string, unknown> = {}) {
  const data = await t.ok<{ createContact: { id: string } }>(
    `mutation($input: ContactInput!) { createContact(input: $input) { id } }`,
    { input: { firstName: 'Fatou', lastName: 'Diallo', ...input } },
    token,
  );
  return data.createContact.id;
}

export async function createDecisionMaker(t: TestApp, token: string, input: Record<string, unknown> = {}) {
  const data = await t.ok<{ createDecisionMaker: { id: string } }>(
    `mutation($input: DecisionMakerInput!) { createDecisionMaker(input: $input) { id } }`,
    { input: { name: 'Directrice CPAM', ...input } },
    token,
  );
  return data.createDecisionMaker.id;
}

export async function createDemand(t: TestApp, token: string, input: Record<string, unknown>) {
  const data = await t.ok<{ createDemand: { id: string } }>(
    `mutation($input: DemandInput!) { createDemand(input: $input) { id } }`,
    { input: { title: "Réouverture de l'accueil", ...input } },
    token,
  );
  return data.createDemand.id;
}

export const inHours = (hours: number, from = Date.now()) => new Date(from + hours * 3600 * 1000);

export async function scheduleAction(t: TestApp, token: string, input: Record<string, unknown>) {
  const data = await t.ok<{ scheduleAction: { id: string } }>(
    `mutation($input: ActionInput!) { scheduleAction(input: $input) { id } }`,
    { input: { title: 'Délégation à la CPAM', kind: 'DELEGATION', startsAt: inHours(72).toISOString(), ...input } },
    token,
  );
  return data.scheduleAction.id;
}

export async function setParticipation(t: TestApp, token: string, actionId: string, contactId: string, status: string) {
  await t.ok(
    `mutation($a: ID!, $c: ID!, $s: ParticipationStatus!) { setParticipation(actionId: $a, contactId: $c, status: $s) { status } }`,
    { a: actionId, c: contactId, s: status },
    token,
  );
}

/** The one error of a response: its code, field and message. */
export function errorOf(res: GqlResponse) {
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  return { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}

/** Rows of a table belonging to an organisation (to prove nothing was written). */
export async function countRows(t: TestApp, table: string, organizationId: string): Promise<number> {
  const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [organizationId]);
  return rows[0].n;
}
