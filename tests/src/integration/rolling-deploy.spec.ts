import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';

// A newer api's migration may change a column's type while this one still runs (a rolling
// deploy). PostgreSQL then refuses this api's prepared statements that return the column
// ("cached plan must not change result type"), on every connection that prepared them,
// until the connection is closed. Each such connection may fail one request; none may keep
// failing. Its own api and database: the type is changed under it.
const LOG = `mutation($input: LogConversationInput!) { logConversation(input: $input) { id street } }`;

describe('a migration changing a column type under a running api', () => {
  let t: TestApp;
  let token: string;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOrganization(t)).token;
    campaignId = (await t.ok<{ createCampaign: { id: string } }>(`mutation { createCampaign(input: { name: "Loyers" }) { id } }`, undefined, token))
      .createCampaign.id;
  });
  afterAll(() => t.close());

  /** Logs a door (a follow-up makes it a transaction); true when it was written. */
  const log = async (clientId: string, inTransaction: boolean) => {
    const input = {
      kind: 'DOOR_KNOCK',
      outcome: 'TALKED',
      campaignId,
      clientId,
      street: 'Rue de Brest',
      ...(inTransaction ? { followUpAt: new Date(Date.now() + 86_400_000).toISOString() } : {}),
    };
    const response = await t.gql(LOG, { input }, token);
    return !response.errors && response.data?.logConversation?.street === 'Rue de Brest';
  };
  const written = async (prefix: string) =>
    Number((await t.db.query(`SELECT count(*) FROM conversations WHERE client_id LIKE $1`, [`${prefix}%`])).rows[0].count);

  it.each([
    ['inside a transaction (a follow-up with it)', true, 'in-tx'],
    ['alone (one statement)', false, 'alone'],
  ])('fails at most once per connection, then answers again: %s', async (_, inTransaction, prefix) => {
    // Prepared on the api's connections by these first calls.
    for (let n = 0; n < 3; n++) expect(await log(`${prefix}-warm-${n}`, inTransaction)).toBe(true);
    const type = (await t.db.query(`SELECT data_type FROM information_schema.columns WHERE table_name = 'conversations' AND column_name = 'street'`)).rows[0]
      .data_type;
    await t.db.query(`ALTER TABLE conversations ALTER COLUMN street TYPE ${type === 'text' ? 'varchar(300)' : 'text'}`);
    const outcomes: boolean[] = [];
    for (let n = 0; n < 15; n++) outcomes.push(await log(`${prefix}-after-${n}`, inTransaction));
    // Sequential requests reuse the pool's last connection (pg-pool hands out the most recently
    // released): were it kept, every one of them would fail.
    expect(outcomes.filter((ok) => !ok).length).toBeLessThanOrEqual(3);
    expect(outcomes.slice(-5)).toEqual([true, true, true, true, true]);
    // A refused write wrote nothing (its transaction rolled back), an accepted one was written once.
    expect(await written(`${prefix}-after-`)).toBe(outcomes.filter(Boolean).length);
  });
});
