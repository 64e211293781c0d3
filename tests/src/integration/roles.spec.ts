// The role matrix, one test per (role, operation): what the issue promises each
// role may do. A call that is allowed may still fail for another reason (an
// unknown id gives NOT_FOUND); what matters here is FORBIDDEN or not.
import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isCompositeType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { LOADED_FIELD_OPERATION, mayUse } from '@rapport/auth';
import { Role } from '@rapport/shared';
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';

const id = randomUUID();
const OPERATIONS: Record<string, string> = {
  me: `{ me { id } }`,
  organization: `{ organization { id } }`,
  contacts: `{ contacts { totalCount } }`,
  contact: `{ contact(id: "${id}") { id } }`,
  campaigns: `{ campaigns { id name stage } }`,
  campaign: `{ campaign(id: "${id}") { id } }`,
  campaignProgress: `{ campaignProgress(campaignId: "${id}") { stage } }`,
  listeningReport: `{ listeningReport(campaignId: "${id}") { mentions } }`,
  conversations: `{ conversations { id } }`,
  decisionMakers: `{ decisionMakers { id } }`,
  negotiationBrief: `{ negotiationBrief(negotiationId: "${id}") { objective } }`,
  commitments: `{ commitments { id } }`,
  upcomingActions: `{ upcomingActions { id } }`,
  winsToCelebrate: `{ winsToCelebrate { id } }`,
  myReminders: `{ myReminders { id } }`,
  calendarFeedUrl: `{ calendarFeedUrl }`,
  addMember: `mutation { addMember(email: "x${Math.random()}@t.example", displayName: "X", role: LEADER, password: "correct horse battery") { id } }`,
  updateDecisionMaker: `mutation { updateDecisionMaker(id: "${id}", input: { name: "D" }) { id } }`,
  completeReminder: `mutation { completeReminder(id: "${id}") { id } }`,
  snoozeReminder: `mutation { snoozeReminder(id: "${id}", until: "2030-01-01T10:00:00Z") { id } }`,
  createContact: `mutation { createContact(input: { firstName: "Awa" }) { id } }`,
  updateContact: `mutation { updateContact(id: "${id}", input: { firstName: "Awa" }) { id } }`,
  createCampaign: `mutation { createCampaign(input: { name: "C" }) { id } }`,
  advanceCampaign: `mutation { advanceCampaign(campaignId: "${id}", stage: DEMANDS) { id } }`,
  logConversation: `mutation { logConversation(input: { kind: DOOR_KNOCK, outcome: NOT_HOME }) { id } }`,
  createDecisionMaker: `mutation { createDecisionMaker(input: { name: "Directrice" }) { id } }`,
  createDemand: `mutation { createDemand(input: { campaignId: "${id}", title: "T" }) { id } }`,
  setDemandStatus: `mutation { setDemandStatus(id: "${id}", status: WON) { id } }`,
  scheduleAction: `mutation { scheduleAction(input: { campaignId: "${id}", title: "T", kind: RALLY, startsAt: "2030-01-01T10:00:00Z" }) { id } }`,
  setParticipation: `mutation { setParticipation(actionId: "${id}", contactId: "${id}", status: COMMITTED) { status } }`,
  recordActionOutcome: `mutation { recordActionOutcome(actionId: "${id}", outcome: "o") { id } }`,
  planNegotiation: `mutation { planNegotiation(input: { campaignId: "${id}", decisionMakerIds: ["${id}"], scheduledAt: "2030-01-01T10:00:00Z" }) { id } }`,
  updateBrief: `mutation { updateBrief(negotiationId: "${id}", input: { objective: "o" }) { objective } }`,
  recordNegotiationReport: `mutation { recordNegotiationReport(negotiationId: "${id}", report: "r") { id } }`,
  recordCommitment: `mutation { recordCommitment(input: { decisionMakerId: "${id}", description: "d", dueAt: "2030-01-01T10:00:00Z" }) { id } }`,
  resolveCommitment: `mutation { resolveCommitment(id: "${id}", status: KEPT) { id } }`,
  recordWin: `mutation { recordWin(input: { campaignId: "${id}", title: "W", size: SMALL }) { id } }`,
  markWinCelebrated: `mutation { markWinCelebrated(id: "${id}") { id } }`,
  exportContactData: `mutation { exportContactData(contactId: "${id}") }`,
  eraseContact: `mutation { eraseContact(contactId: "${id}") }`,
};

const ALLY_ALLOWED = new Set(['me', 'organization', 'campaigns', 'campaign', 'upcomingActions', 'winsToCelebrate', 'calendarFeedUrl']);
const ORGANISER_ONLY = new Set(['addMember', 'exportContactData', 'eraseContact']);

const allowed = (role: string, op: string) =>
  role === 'ORGANISER' || (role === 'LEADER' && !ORGANISER_ONLY.has(op)) || (role === 'ALLY' && ALLY_ALLOWED.has(op));

/** The non-null values found at `path` in an answer, through lists. */
function valuesAt(data: unknown, path: string[]): unknown[] {
  let values = [data];
  for (const name of path)
    values = values.flatMap((v) => (v && typeof v === 'object' ? [(v as Record<string, unknown>)[name]].flat() : [])).filter((v) => v != null);
  return values;
}

describe('roles', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const org = await registerOrganization(t);
    tokens.ORGANISER = org.token;
    tokens.LEADER = (await addMember(t, org.token, 'LEADER')).token;
    tokens.ALLY = (await addMember(t, org.token, 'ALLY')).token;
  });
  afterAll(() => t.close());

  for (const role of ['ORGANISER', 'LEADER', 'ALLY']) {
    for (const [op, query] of Object.entries(OPERATIONS)) {
      const expectation = allowed(role, op) ? 'may use' : 'is FORBIDDEN';
      it(`${role} ${expectation} ${op}`, async () => {
        const res = await t.gql(query, undefined, tokens[role]);
        const codes = (res.errors ?? []).map((e) => e.extensions?.code);
        if (allowed(role, op)) expect(codes).not.toContain('FORBIDDEN');
        else expect(codes).toEqual(['FORBIDDEN']);
      });
    }
    it(`${role} without a token is UNAUTHENTICATED`, async () => {
      const res = await t.gql(OPERATIONS.me);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  }

  it('an ally never reaches anyone’s details through a campaign', async () => {
    const res = await t.gql(
      `{ campaigns { name stage wins { title } demands { title } actions { participants { contact { phone } } } } }`,
      undefined,
      tokens.ALLY,
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(res.data ?? {})).not.toMatch(/phone|\+33/);
  });

  // The resolved fields declared @LoadedField run without Nest's guard: LoadedFields checks
  // the permission map itself. Every such field of what an ally can list is asked for.
  it('refuses an ally every resolved field kept from allies, wherever an ally can reach it', async () => {
    const o = tokens.ORGANISER;
    const { createCampaign: campaign } = await t.ok(`mutation { createCampaign(input: { name: "Ouverte" }) { id } }`, undefined, o);
    await t.ok(
      `mutation($c: ID!) { scheduleAction(input: { campaignId: $c, title: "Rassemblement", kind: RALLY, startsAt: "2031-01-01T10:00:00Z", visibility: ALLIES }) { id } }`,
      { c: campaign.id },
      o,
    );
    await t.ok(`mutation($c: ID!) { recordWin(input: { campaignId: $c, title: "Gagné", size: SMALL }) { id } }`, { c: campaign.id }, o);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    // From each list an ally may read, through the fields they may use, to every type they can reach.
    const queue: Array<{ path: string[]; type: string }> = [
      { path: ['me'], type: 'User' },
      { path: ['organization'], type: 'Organization' },
      { path: ['campaigns'], type: 'Campaign' },
      { path: ['upcomingActions'], type: 'Action' },
      { path: ['winsToCelebrate'], type: 'Win' },
    ];
    const visited = new Set(queue.map((q) => q.type));
    const seen = { refused: 0, allowed: 0 };
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (const field of Object.values((schema.getType(next.type) as GraphQLObjectType).getFields())) {
        const operation = (field.resolve as { [LOADED_FIELD_OPERATION]?: string } | undefined)?.[LOADED_FIELD_OPERATION];
        if (!operation || field.args.some((arg) => isNonNullType(arg.type))) continue;
        const named = getNamedType(field.type);
        const inner = `${field.name} ${isCompositeType(named) ? '{ __typename }' : ''}`;
        const query = next.path.reduceRight((selection, name) => `${name} { ${selection} }`, inner);
        const res = await t.gql(`{ ${query} }`, undefined, tokens.ALLY);
        const forbidden = (res.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN');
        expect({ operation, forbidden }).toEqual({ operation, forbidden: !mayUse(Role.ALLY, operation) });
        seen[forbidden ? 'refused' : 'allowed']++;
        // Walked into only where the answer holds some (a list answered [] to allies resolves nothing below).
        if (!forbidden && isObjectType(named) && !visited.has(named.name) && valuesAt(res.data, [...next.path, field.name]).length) {
          visited.add(named.name);
          queue.push({ path: [...next.path, field.name], type: named.name });
        }
      }
    }
    expect(seen.refused).toBeGreaterThanOrEqual(4); // Campaign.actions, .demands, .negotiations, Action.target
    expect(seen.allowed).toBeGreaterThanOrEqual(8);
  });

  it('refuses a forged, a revoked and an expired token', async () => {
    expect((await t.gql(OPERATIONS.me, undefined, 'forged-token')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const member = await addMember(t, tokens.ORGANISER, 'LEADER');
    expect((await t.gql(`mutation { signOut }`, undefined, member.token)).data).toEqual({ signOut: true });
    expect((await t.gql(OPERATIONS.me, undefined, member.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const other = await addMember(t, tokens.ORGANISER, 'LEADER');
    await t.db.query(`UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [other.userId]);
    expect((await t.gql(OPERATIONS.me, undefined, other.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores tokens hashed and passwords with bcrypt', async () => {
    const rows = await t.db.query(`SELECT token_hash FROM auth_tokens LIMIT 1`);
    expect(rows.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.rows[0].token_hash).not.toBe(tokens.ORGANISER);
    const users = await t.db.query(`SELECT password_hash FROM users LIMIT 1`);
    expect(users.rows[0].password_hash).toMatch(/^\$2[aby]\$/);
  });
});
