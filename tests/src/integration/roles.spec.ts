// The role matrix, one test per (role, operation): what the issue promises each
// role may do. A call that is allowed may still fail for another reason (an
// unknown id gives NOT_FOUND); what matters here is FORBIDDEN or not.
import { randomUUID } from 'node:crypto';
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
