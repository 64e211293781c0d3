// The contact list organisers search every day: cursor pagination in a stable
// order, totalCount, search ignoring case and accents, filters; updates that
// change only what is given.
import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';

const PAGE = `query($filter: ContactFilter, $first: Int, $after: String) {
  contacts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { firstName lastName } } }
}`;

describe('contacts', () => {
  let t: TestApp;
  let token: string;
  const create = (input: Record<string, unknown>) =>
    t
      .ok(
        `mutation($input: ContactInput!) { createContact(input: $input) { id firstName lastName phone email isLeader tags allyRoles neighbourhood } }`,
        { input },
        token,
      )
      .then((d) => d.createContact);
  const names = (data: { contacts: { edges: Array<{ node: { firstName: string } }> } }) => data.contacts.edges.map((e) => e.node.firstName);

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOrganization(t)).token;
    await create({
      firstName: 'Hélène',
      lastName: 'Le Goff',
      phone: '06 11 22 33 44',
      email: 'helene@test.example',
      tags: ['couture'],
      allyRoles: ['AFFECTED'],
      neighbourhood: 'Villejean',
    });
    await create({
      firstName: 'Karim',
      lastName: 'Benali',
      phone: '+33 7 55 66 77 88',
      allyRoles: ['SUPPORTER', 'SOLIDARITY'],
      isLeader: true,
      neighbourhood: 'villejean',
    });
    await create({ firstName: 'Zoé', lastName: 'Abitbol', tags: ['couture', 'foot'], neighbourhood: 'Maurepas' });
    for (let i = 0; i < 7; i++) await create({ firstName: `Voisin${i}`, lastName: 'Martin' });
  });
  afterAll(() => t.close());

  it('pages through everyone in name order with a stable cursor, whatever is added meanwhile', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let first = true;
    for (;;) {
      const data: any = await t.ok(PAGE, { first: 3, after }, token);
      expect(data.contacts.totalCount).toBe(first ? 10 : 11);
      seen.push(...names(data));
      if (first) await create({ firstName: 'Aaron', lastName: 'Aaronson' }); // sorts before the first page: never shows up later
      first = false;
      if (!data.contacts.pageInfo.hasNextPage) break;
      after = data.contacts.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Zoé', 'Karim', 'Hélène', 'Voisin0', 'Voisin1', 'Voisin2', 'Voisin3', 'Voisin4', 'Voisin5', 'Voisin6']);
  });

  it('searches names, phones and emails ignoring case and accents', async () => {
    expect(names(await t.ok(PAGE, { filter: { search: 'helene' } }, token))).toEqual(['Hélène']);
    expect(names(await t.ok(PAGE, { filter: { search: 'LE GOFF' } }, token))).toEqual(['Hélène']);
    expect(names(await t.ok(PAGE, { filter: { search: 'zoe' } }, token))).toEqual(['Zoé']);
    expect(names(await t.ok(PAGE, { filter: { search: '06 11 22' } }, token))).toEqual(['Hélène']);
    expect(names(await t.ok(PAGE, { filter: { search: '0755667788' } }, token))).toEqual(['Karim']);
    expect(names(await t.ok(PAGE, { filter: { search: 'HELENE@test' } }, token))).toEqual(['Hélène']);
    const none = await t.ok(PAGE, { filter: { search: '100%_' } }, token);
    expect(none.contacts).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('filters by ally role, tag, leader and neighbourhood', async () => {
    expect(names(await t.ok(PAGE, { filter: { allyRole: 'SOLIDARITY' } }, token))).toEqual(['Karim']);
    expect(names(await t.ok(PAGE, { filter: { tag: 'couture' } }, token))).toEqual(['Zoé', 'Hélène']);
    expect(names(await t.ok(PAGE, { filter: { isLeader: true } }, token))).toEqual(['Karim']);
    expect(names(await t.ok(PAGE, { filter: { neighbourhood: 'VILLEJEAN' } }, token))).toEqual(['Karim', 'Hélène']);
    expect((await t.ok(PAGE, { filter: { tag: 'couture', neighbourhood: 'Maurepas' } }, token)).contacts.totalCount).toBe(1);
  });

  it('updates only the fields given; leadership is set by a person, not by a conversation', async () => {
    const c = await create({ firstName: 'Fatou', phone: '0612345678', email: 'fatou@test.example', tags: ['a'] });
    await t.ok(
      `mutation($id: ID!) { logConversation(input: { kind: ONE_TO_ONE, outcome: TALKED, contactId: $id, leadershipPotential: true }) { id } }`,
      { id: c.id },
      token,
    );
    const updated = (
      await t.ok(
        `mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Fatoumata", lastName: "Cissé" }) { firstName lastName phone email tags isLeader } }`,
        { id: c.id },
        token,
      )
    ).updateContact;
    expect(updated).toEqual({ firstName: 'Fatoumata', lastName: 'Cissé', phone: '+33612345678', email: 'fatou@test.example', tags: ['a'], isLeader: false });
    const cleared = (
      await t.ok(
        `mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Fatoumata", email: null, isLeader: true }) { email isLeader } }`,
        { id: c.id },
        token,
      )
    ).updateContact;
    expect(cleared).toEqual({ email: null, isLeader: true });
    expect(names(await t.ok(PAGE, { filter: { search: 'cissé fatoumata' } }, token))).toEqual(['Fatoumata']); // every word, any order
    expect(names(await t.ok(PAGE, { filter: { search: 'fatou karim' } }, token))).toEqual([]);
    expect(names(await t.ok(PAGE, { filter: { search: 'cisse' } }, token))).toEqual(['Fatoumata']);
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const before = (await t.ok(PAGE, {}, token)).contacts.totalCount;
    for (const [input, field] of [
      [{ firstName: '' }, 'input.firstName'],
      [{ firstName: 'x'.repeat(201) }, 'input.firstName'],
      [{ firstName: 'A', email: 'nope' }, 'input.email'],
      [{ firstName: 'A', phone: '+33 1' }, 'input.phone'],
      [{ firstName: 'A', lastName: 'y'.repeat(201) }, 'input.lastName'],
    ] as const) {
      const res = await t.gql(`mutation($input: ContactInput!) { createContact(input: $input) { id } }`, { input }, token);
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining(field) });
    }
    expect((await t.ok(PAGE, {}, token)).contacts.totalCount).toBe(before);
    for (const after of ['garbage', Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url')]) {
      const badCursor = await t.gql(PAGE, { after }, token);
      expect(badCursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('after') });
    }
  });
});
