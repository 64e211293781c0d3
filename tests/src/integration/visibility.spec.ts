// Who reads what, tried by each role: members' emails and a mail server's answer
// are for organisers (and each member's own address); consent changes are on
// record whoever makes them; allies never read what members wrote (stage notes,
// action outcomes), even for what is open to them.
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { createCampaign, createContact, inHours, scheduleAction } from '../support/campaign-fixtures.js';

describe('field visibility by role', () => {
  let t: TestApp;
  let organiser: { token: string; email: string; user: { id: string }; organization: { id: string } };
  let leader: { token: string; userId: string; email: string };
  let ally: { token: string; userId: string; email: string };
  let campaignId: string;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp();
    organiser = await registerOrganization(t, 'Visibility');
    leader = await addMember(t, organiser.token, 'LEADER');
    ally = await addMember(t, organiser.token, 'ALLY');
    campaignId = await createCampaign(t, organiser.token, 'CPAM');
    contactId = await createContact(t, organiser.token, { firstName: 'Mariama' });
    // The organiser talks to Mariama and owns her commitment; a reminder to the leader failed.
    await t.ok(
      `mutation($c: ID!, $k: ID!) { logConversation(input: { kind: PHONE, outcome: TALKED, campaignId: $c, contactId: $k }) { id } }`,
      { c: campaignId, k: contactId },
      organiser.token,
    );
    await t.ok(
      `mutation($k: ID!) { recordCommitment(input: { contactId: $k, description: "Vient à la réunion", dueAt: "2031-01-01T10:00:00Z" }) { id } }`,
      { k: contactId },
      organiser.token,
    );
    await t.ok(
      `mutation($k: ID!, $f: DateTime) { logConversation(input: { kind: PHONE, outcome: TALKED, contactId: $k, followUpAt: $f }) { id } }`,
      { k: contactId, f: inHours(2).toISOString() },
      leader.token,
    );
    await t.db.query(`UPDATE reminders SET status = 'FAILED', last_error = '550 mailbox of ${leader.email} unavailable' WHERE recipient_user_id = $1`, [
      leader.userId,
    ]);
  });
  afterAll(() => t.close());

  const errors = (res: { errors?: Array<{ extensions?: { code?: string }; path?: unknown }> }) => (res.errors ?? []).map((e) => e.extensions?.code);

  it("gives organisers members' emails and a reminder's error; leaders neither (FORBIDDEN), but their own address", async () => {
    const queries = {
      organiserOfConversation: `{ conversations { organiser { displayName email } } }`,
      ownerOfCommitment: `{ commitments { followUpOwner { displayName email } } }`,
      recipientOfReminder: `{ commitments { reminders { recipient { displayName email } } } }`,
    };
    for (const [what, query] of Object.entries(queries)) {
      const asOrganiser = await t.gql(query, undefined, organiser.token);
      expect([what, asOrganiser.errors]).toEqual([what, undefined]);
      expect(JSON.stringify(asOrganiser.data)).toContain(organiser.email);
      const asLeader = await t.gql(query, undefined, leader.token);
      expect([what, errors(asLeader).length > 0 && errors(asLeader).every((c) => c === 'FORBIDDEN')]).toEqual([what, true]);
      expect(JSON.stringify(asLeader.data ?? null)).not.toContain(organiser.email);
      // Names stay readable for leaders.
      const names = await t.gql(query.replace(/ email/g, ''), undefined, leader.token);
      expect([what, names.errors]).toEqual([what, undefined]);
    }
    // Their own address, from me and from signing in.
    expect((await t.ok(`{ me { email } }`, undefined, leader.token)).me.email).toBe(leader.email);
    const signIn = await t.ok(`mutation($e: String!) { signIn(email: $e, password: "correct horse battery") { user { email } } }`, { e: leader.email });
    expect(signIn.signIn.user.email).toBe(leader.email);
    // A reminder's error quotes the mail server: organisers only.
    const own = await t.gql(`{ myReminders { id status lastError } }`, undefined, leader.token);
    expect(errors(own)).toContain('FORBIDDEN');
    expect(JSON.stringify(own.data)).not.toContain('550 mailbox');
    expect((await t.ok(`{ myReminders { id status } }`, undefined, leader.token)).myReminders).toEqual([expect.objectContaining({ status: 'FAILED' })]);
    const failed = await t.ok(`{ failedReminders { lastError recipient { email } } }`, undefined, organiser.token);
    expect(failed.failedReminders).toEqual([{ lastError: expect.stringContaining('550 mailbox'), recipient: { email: leader.email } }]);
  });

  it('writes every change of consent to the audit log, with who made it', async () => {
    const id = await createContact(t, leader.token, { firstName: 'Awa', consentGivenAt: '2025-01-02T10:00:00Z' });
    await t.ok(`mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Awa", consentGivenAt: null }) { id } }`, { id }, leader.token);
    await t.ok(`mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Awa B." }) { id } }`, { id }, leader.token); // consent untouched: nothing recorded
    await t.ok(
      `mutation { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, newContact: { firstName: "Fatou", consentGivenAt: "2025-01-03T10:00:00Z" } }) { id } }`,
      undefined,
      leader.token,
    );
    const { auditLog } = await t.ok(`{ auditLog { action subjectId actorUserId } }`, undefined, organiser.token);
    const consent = auditLog.filter((e: { action: string }) => e.action === 'CONSENT_CHANGE');
    expect(consent).toHaveLength(3);
    expect(consent.every((e: { actorUserId: string }) => e.actorUserId === leader.userId)).toBe(true);
    expect(consent.filter((e: { subjectId: string }) => e.subjectId === id)).toHaveLength(2);
  });

  it('never shows allies stage notes or action outcomes, which members still read', async () => {
    await t.ok(
      `mutation($c: ID!) { advanceCampaign(campaignId: $c, stage: DEMANDS, note: "Mme Konaté a témoigné de son cancer") { id } }`,
      { c: campaignId },
      organiser.token,
    );
    const actionId = await scheduleAction(t, organiser.token, { campaignId, visibility: 'ALLIES', startsAt: inHours(48).toISOString() });
    await t.ok(`mutation($a: ID!) { recordActionOutcome(actionId: $a, outcome: "Karim est venu avec ses dettes") { id } }`, { a: actionId }, organiser.token);
    const query = `query($c: ID!) { campaign(id: $c) { stageHistory { stage note } } upcomingActions { id title outcome } campaigns { stageHistory { note } } }`;

    const asAlly = await t.gql(query, { c: campaignId }, ally.token);
    expect(asAlly.errors).toBeUndefined();
    expect(asAlly.data!.campaign.stageHistory).toEqual([
      { stage: 'LISTENING', note: null },
      { stage: 'DEMANDS', note: null },
    ]);
    expect(asAlly.data!.upcomingActions).toEqual([expect.objectContaining({ id: actionId, outcome: null })]);
    expect(JSON.stringify(asAlly.data)).not.toMatch(/Konaté|Karim|cancer|dettes/);
    const feed = await fetch(`${t.url}${new URL((await t.ok(`{ calendarFeedUrl }`, undefined, ally.token)).calendarFeedUrl).pathname}`);
    expect(await feed.text()).not.toMatch(/Karim|dettes/);

    for (const member of [organiser.token, leader.token]) {
      const data = await t.ok(query, { c: campaignId }, member);
      expect(data.campaign.stageHistory[1].note).toBe('Mme Konaté a témoigné de son cancer');
      expect(data.upcomingActions[0].outcome).toBe('Karim est venu avec ses dettes');
    }
  });
});
