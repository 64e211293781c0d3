// Hostile requests are refused before anything runs; nothing leaks to a client.
import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';

describe('hostile requests', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOrganization(t)).token;
  });
  afterAll(() => t.close());

  it('refuses a query deeper than 10 levels', async () => {
    let deep = 'id';
    for (let level = 0; level < 6; level++) deep = `conversations { contact { ${deep} } }`;
    deep = `{ ${deep} }`; // 12 levels
    const res = await t.gql(deep, undefined, token);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].message).toMatch(/depth limit of 10 exceeded/);
  });

  it('refuses more than 30 aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, undefined, token);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].message).toMatch(/Aliases limit of 30 exceeded/);
  });

  it('refuses a query costing more than the budget, and runs nothing', async () => {
    const before = Number((await t.db.query(`SELECT count(*) FROM campaigns`)).rows[0].count);
    const costly = `mutation { createCampaign(input: { name: "never" }) { id } } `;
    const res = await t.gql(
      `{ contacts(first: 200) { edges { node { conversations { issues { issue { name } } contact { conversations { issues { issue { name } } } } } } } } }`,
      undefined,
      token,
    );
    expect(res.errors?.[0].message).toMatch(/too costly|Cost limit/);
    expect(res.data).toBeUndefined();
    const mixed = await t.gql(`${costly}`, undefined, token);
    expect(mixed.errors).toBeUndefined();
    expect(Number((await t.db.query(`SELECT count(*) FROM campaigns`)).rows[0].count)).toBe(before + 1);
  });

  it('never sends a stack trace or SQL to the client', async () => {
    const res = await t.gql(`{ campaignProgress(campaignId: "'; DROP TABLE contacts; --") { stage } }`, undefined, token);
    const body = JSON.stringify(res);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(body).not.toMatch(/stacktrace|SELECT|QueryFailedError|at .*\.ts/);
  });

  it('refuses the NUL character PostgreSQL cannot store, naming the field, in variables and in the query', async () => {
    const res = await t.gql(
      `mutation($input: ContactInput!) { createContact(input: $input) { id } }`,
      { input: { firstName: 'A', tags: ['ok', 'x\u0000y'] } },
      token,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({
      message: 'input.tags[1]: must not contain the NUL character (nor a broken Unicode character)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const literal = await t.gql(`{ contacts(filter: { search: "a\\u0000b" }) { totalCount } }`, undefined, token);
    expect(literal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const signIn = await t.gql(`mutation($e: String!) { signIn(email: $e, password: "whatever password") { token } }`, { e: 'a\u0000@b.c' });
    expect(signIn.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a lone half of a surrogate pair (PostgreSQL would store another character), naming the field', async () => {
    const res = await t.gql(`mutation($input: ContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: 'A\ud800' } }, token);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.firstName' } });
    // A whole pair (an emoji) is fine.
    const ok = await t.gql(`mutation($input: ContactInput!) { createContact(input: $input) { firstName } }`, { input: { firstName: 'Awa 🌻' } }, token);
    expect(ok.data?.createContact.firstName).toBe('Awa 🌻');
  });

  it('limits failed sign-ins: the 11th attempt in 15 minutes is TOO_MANY_REQUESTS', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.gql(`mutation { signIn(email: "victim@test.example", password: "wrong password ${i}") { token } }`);
      codes.push(String(res.errors?.[0].extensions?.code));
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
    expect(codes[10]).toBe('TOO_MANY_REQUESTS');
  });
});
