// Team access (contract: team.graphql): invitations, roles, removal, passwords,
// sign out everywhere. Access taken away stops at the very next request.
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { startSmtpSink, type SmtpSink } from '../support/reminders-smtp.js';

const INVITE = `mutation($email: String!, $name: String!, $role: Role!) {
  inviteMember(email: $email, displayName: $name, role: $role) { id email displayName role expiresAt acceptUrl invitedBy { id displayName } } }`;
const ACCEPT = `mutation($token: String!, $password: String!, $name: String) {
  acceptInvitation(token: $token, password: $password, displayName: $name) { token user { id email displayName role } organization { id } } }`;
const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token user { id role } } }`;
const ME = `{ me { id role } }`;
const PASSWORD = 'a new password, long enough';

const tokenOf = (url: string) => url.split('/').pop()!;
const code = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;

describe('team access', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Team org');
  });
  afterAll(() => t.close());

  it('invites without SMTP: the organiser gets the one-time link, which works once, and the member is listed', async () => {
    const invited = await t.ok(INVITE, { email: 'Samira@Team.example', name: 'Samira', role: 'LEADER' }, org.token);
    const inv = invited.inviteMember;
    expect(inv).toMatchObject({ email: 'samira@team.example', role: 'LEADER', invitedBy: { id: org.user.id } });
    expect(inv.acceptUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]{40,}$/);
    const days = (new Date(inv.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    // Only the secret's hash is stored.
    const stored = await t.db.query(`SELECT token_hash FROM invitations WHERE id = $1`, [inv.id]);
    expect(stored.rows[0].token_hash).not.toContain(tokenOf(inv.acceptUrl));
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);

    const pending = await t.ok(`{ invitations { id email acceptUrl } }`, undefined, org.token);
    expect(pending.invitations).toEqual([{ id: inv.id, email: 'samira@team.example', acceptUrl: null }]);

    const accepted = await t.ok(ACCEPT, { token: tokenOf(inv.acceptUrl), password: PASSWORD, name: null });
    expect(accepted.acceptInvitation.user).toMatchObject({ email: 'samira@team.example', displayName: 'Samira', role: 'LEADER' });
    expect(accepted.acceptInvitation.organization.id).toBe(org.organization.id);
    expect((await t.ok(ME, undefined, accepted.acceptInvitation.token)).me.role).toBe('LEADER');

    const again = await t.gql(ACCEPT, { token: tokenOf(inv.acceptUrl), password: PASSWORD });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'token' } });
    expect((await t.ok(`{ invitations { id } }`, undefined, org.token)).invitations).toEqual([]);
    const members = await t.ok(`{ members { email role } }`, undefined, org.token);
    expect(members.members).toContainEqual({ email: 'samira@team.example', role: 'LEADER' });
  });

  it('refuses an address that already has an account, with the same message whichever organisation holds it', async () => {
    const other = await registerOrganization(t, 'Other org');
    const ours = await t.gql(INVITE, { email: org.email, name: 'X', role: 'ALLY' }, org.token);
    const theirs = await t.gql(INVITE, { email: other.email, name: 'X', role: 'ALLY' }, org.token);
    expect(code(ours)).toBe('BAD_USER_INPUT');
    expect(theirs.errors?.[0].message).toBe(ours.errors?.[0].message);
  });

  it('a revoked invitation and an expired one stop working', async () => {
    const a = (await t.ok(INVITE, { email: 'revoked@team.example', name: 'R', role: 'ALLY' }, org.token)).inviteMember;
    expect((await t.ok(`mutation($id: ID!) { revokeInvitation(id: $id) }`, { id: a.id }, org.token)).revokeInvitation).toBe(true);
    expect(code(await t.gql(ACCEPT, { token: tokenOf(a.acceptUrl), password: PASSWORD }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(`mutation($id: ID!) { revokeInvitation(id: $id) }`, { id: a.id }, org.token))).toBe('NOT_FOUND');

    const b = (await t.ok(INVITE, { email: 'expired@team.example', name: 'E', role: 'ALLY' }, org.token)).inviteMember;
    await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [b.id]);
    expect(code(await t.gql(ACCEPT, { token: tokenOf(b.acceptUrl), password: PASSWORD }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(SIGN_IN, { email: 'expired@team.example', password: PASSWORD }))).toBe('UNAUTHENTICATED');
  });

  it('only organisers manage the team; another organisation reads as unknown', async () => {
    const leader = await addMember(t, org.token, 'LEADER');
    expect(code(await t.gql(INVITE, { email: 'x@team.example', name: 'X', role: 'ALLY' }, leader.token))).toBe('FORBIDDEN');
    expect(code(await t.gql(`mutation($u: ID!) { removeMember(userId: $u) }`, { u: org.user.id }, leader.token))).toBe('FORBIDDEN');
    expect(code(await t.gql(`{ invitations { id } }`, undefined, leader.token))).toBe('FORBIDDEN');
    const other = await registerOrganization(t, 'Foreign org');
    expect(code(await t.gql(`mutation($u: ID!) { removeMember(userId: $u) }`, { u: leader.userId }, other.token))).toBe('NOT_FOUND');
    expect(code(await t.gql(`mutation($u: ID!) { changeMemberRole(userId: $u, role: ALLY) { id } }`, { u: leader.userId }, other.token))).toBe('NOT_FOUND');
    expect((await t.ok(ME, undefined, leader.token)).me.role).toBe('LEADER');
  });

  it('a role change counts from the next request', async () => {
    const leader = await addMember(t, org.token, 'LEADER');
    // `invitations` is for organisers only (leaders read `members`, to assign turf).
    expect(code(await t.gql(`{ invitations { id } }`, undefined, leader.token))).toBe('FORBIDDEN');
    await t.ok(`mutation($u: ID!) { changeMemberRole(userId: $u, role: ORGANISER) { role } }`, { u: leader.userId }, org.token);
    expect((await t.gql(`{ invitations { id } }`, undefined, leader.token)).errors).toBeUndefined();
    await t.ok(`mutation($u: ID!) { changeMemberRole(userId: $u, role: ALLY) { role } }`, { u: leader.userId }, org.token);
    expect(code(await t.gql(`{ invitations { id } }`, undefined, leader.token))).toBe('FORBIDDEN');
    expect(code(await t.gql(`{ contacts { totalCount } }`, undefined, leader.token))).toBe('FORBIDDEN');
  });

  it('removing a member stops their token and their password at once; what they did is audited', async () => {
    const leader = await addMember(t, org.token, 'LEADER');
    const second = await t.ok(SIGN_IN, { email: leader.email, password: 'correct horse battery' });
    expect((await t.ok(ME, undefined, leader.token)).me.id).toBe(leader.userId);

    expect((await t.ok(`mutation($u: ID!) { removeMember(userId: $u) }`, { u: leader.userId }, org.token)).removeMember).toBe(true);
    for (const token of [leader.token, second.signIn.token]) expect(code(await t.gql(ME, undefined, token))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(SIGN_IN, { email: leader.email, password: 'correct horse battery' }))).toBe('UNAUTHENTICATED');
    const members = await t.ok(`{ members { id } }`, undefined, org.token);
    expect(members.members.map((m: { id: string }) => m.id)).not.toContain(leader.userId);
    const live = await t.db.query(`SELECT count(*)::int AS n FROM auth_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [leader.userId]);
    expect(live.rows[0].n).toBe(0);

    const audit = await t.ok(`{ auditLog { action subjectId actorUserId } }`, undefined, org.token);
    expect(audit.auditLog).toContainEqual({ action: 'REMOVE_MEMBER', subjectId: leader.userId, actorUserId: org.user.id });
    expect(audit.auditLog.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['INVITE_MEMBER', 'ACCEPT_INVITATION', 'REVOKE_INVITATION', 'CHANGE_MEMBER_ROLE', 'ADD_MEMBER']),
    );

    // Their address is free again: they can be invited back.
    const back = await t.ok(INVITE, { email: leader.email, name: 'Back', role: 'ALLY' }, org.token);
    expect(back.inviteMember.email).toBe(leader.email);
  });

  it('the last organiser can be neither demoted nor removed; with two, one can go', async () => {
    const solo = await registerOrganization(t, 'Solo org');
    const demote = await t.gql(`mutation($u: ID!) { changeMemberRole(userId: $u, role: LEADER) { id } }`, { u: solo.user.id }, solo.token);
    expect(demote.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'role' } });
    expect(demote.errors?.[0].message).toMatch(/last organiser/);
    const remove = await t.gql(`mutation($u: ID!) { removeMember(userId: $u) }`, { u: solo.user.id }, solo.token);
    expect(remove.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'userId' } });
    expect((await t.ok(ME, undefined, solo.token)).me.role).toBe('ORGANISER');

    // Two organisers demoting each other at the same moment: one of them stays organiser.
    const second = await addMember(t, solo.token, 'ORGANISER');
    const results = await Promise.all([
      t.gql(`mutation($u: ID!) { changeMemberRole(userId: $u, role: LEADER) { id } }`, { u: second.userId }, solo.token),
      t.gql(`mutation($u: ID!) { changeMemberRole(userId: $u, role: LEADER) { id } }`, { u: solo.user.id }, second.token),
    ]);
    const organisers = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE organization_id = $1 AND role = 'ORGANISER' AND removed_at IS NULL`, [
      solo.organization.id,
    ]);
    expect(organisers.rows[0].n).toBe(1);
    expect(results.filter((r) => !r.errors).length).toBeGreaterThanOrEqual(1);
  });

  it('changePassword checks the current one, ends every other session, and refuses passwords over 72 bytes', async () => {
    const ally = await addMember(t, org.token, 'ALLY');
    const other = await t.ok(SIGN_IN, { email: ally.email, password: 'correct horse battery' });
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;

    const wrong = await t.gql(CHANGE, { c: 'not my password at all', n: PASSWORD }, ally.token);
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'currentPassword' } });
    const long = await t.gql(CHANGE, { c: 'correct horse battery', n: 'é'.repeat(37) }, ally.token);
    expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } });
    expect(long.errors?.[0].message).toMatch(/^newPassword: must be at most 72 bytes/);
    expect(code(await t.gql(CHANGE, { c: 'correct horse battery', n: 'short' }, ally.token))).toBe('BAD_USER_INPUT');

    expect((await t.ok(CHANGE, { c: 'correct horse battery', n: PASSWORD }, ally.token)).changePassword).toBe(true);
    expect((await t.ok(ME, undefined, ally.token)).me.id).toBe(ally.userId);
    expect(code(await t.gql(ME, undefined, other.signIn.token))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(SIGN_IN, { email: ally.email, password: 'correct horse battery' }))).toBe('UNAUTHENTICATED');
    expect((await t.ok(SIGN_IN, { email: ally.email, password: PASSWORD })).signIn.user.id).toBe(ally.userId);
    const stored = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [ally.userId]);
    expect(stored.rows[0].password_hash).toMatch(/^\$2[aby]\$12\$/);
  });

  it('refuses a registration password over 72 bytes, naming the field', async () => {
    const res = await t.gql(`mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { token } }`, {
      input: { organizationName: 'Long', email: 'long@team.example', password: 'x'.repeat(73), displayName: 'L' },
    });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.password' } });
  });

  it('signOutEverywhere ends every session of the caller, this one included', async () => {
    const leader = await addMember(t, org.token, 'LEADER');
    const other = await t.ok(SIGN_IN, { email: leader.email, password: 'correct horse battery' });
    expect((await t.ok(`mutation { signOutEverywhere }`, undefined, leader.token)).signOutEverywhere).toBe(true);
    for (const token of [leader.token, other.signIn.token]) expect(code(await t.gql(ME, undefined, token))).toBe('UNAUTHENTICATED');
    expect((await t.ok(ME, undefined, org.token)).me.id).toBe(org.user.id);
  });
});

describe('team access by email (real SMTP sink)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let org: Awaited<ReturnType<typeof registerOrganization>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ auth: { smtpUrl: sink.url, publicUrl: 'https://rapport.example.org', mailFrom: 'Rapport <rapport@example.org>' } });
    org = await registerOrganization(t, 'Mail org');
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it("emails the invitation in the organisation's language and shows no link", async () => {
    const inv = (await t.ok(INVITE, { email: 'camille@mail.example', name: 'Camille', role: 'ALLY' }, org.token)).inviteMember;
    expect(inv.acceptUrl).toBeNull();
    const [mail] = await sink.waitFor(1);
    expect(mail.to).toEqual(['camille@mail.example']);
    expect(mail.subject).toBe('Organiser vous invite à rejoindre Mail org sur Rapport');
    const link = /https:\/\/rapport\.example\.org\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const accepted = await t.ok(ACCEPT, { token: link![1], password: PASSWORD, name: 'Camille D.' });
    expect(accepted.acceptInvitation.user).toMatchObject({ displayName: 'Camille D.', role: 'ALLY' });
  });

  it('resets a forgotten password by email: always true, one hour, once, and every old session ends', async () => {
    const leader = await addMember(t, org.token, 'LEADER');
    const before = sink.messages.length;
    const REQUEST = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
    expect((await t.ok(REQUEST, { e: 'nobody-here@mail.example' })).requestPasswordReset).toBe(true);
    expect((await t.ok(REQUEST, { e: leader.email.toUpperCase() })).requestPasswordReset).toBe(true);
    const mails = await sink.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.length).toBe(before + 1);
    const mail = mails[before];
    expect(mail.to).toEqual([leader.email]);
    expect(mail.subject).toBe('Rapport : choisir un nouveau mot de passe');
    const token = /https:\/\/rapport\.example\.org\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const stored = await t.db.query(`SELECT expires_at FROM password_resets WHERE user_id = $1`, [leader.userId]);
    const minutes = (new Date(stored.rows[0].expires_at).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);

    const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { token user { id } } }`;
    const reset = await t.ok(RESET, { t: token, p: PASSWORD });
    expect(reset.resetPassword.user.id).toBe(leader.userId);
    expect(code(await t.gql(ME, undefined, leader.token))).toBe('UNAUTHENTICATED');
    expect((await t.ok(ME, undefined, reset.resetPassword.token)).me.id).toBe(leader.userId);
    expect(code(await t.gql(RESET, { t: token, p: 'yet another password' }))).toBe('BAD_USER_INPUT');
    expect((await t.ok(SIGN_IN, { email: leader.email, password: PASSWORD })).signIn.user.id).toBe(leader.userId);

    // An expired link does nothing.
    await t.ok(REQUEST, { e: leader.email });
    const next = (await sink.waitFor(before + 2))[before + 1];
    const expired = /reset-password\/([A-Za-z0-9_-]+)/.exec(next.text)![1];
    await t.db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect(code(await t.gql(RESET, { t: expired, p: 'yet another password' }))).toBe('BAD_USER_INPUT');
    const audit = await t.ok(`{ auditLog { action subjectId } }`, undefined, org.token);
    expect(audit.auditLog).toContainEqual({ action: 'RESET_PASSWORD', subjectId: leader.userId });
  });
});
