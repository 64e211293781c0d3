// Property-based fuzzing of every mutation of the contract. The mutations are read
// from the schema itself (a new one is fuzzed without touching this file); each gets
// generated hostile arguments: wrong types, huge strings, NUL and control characters,
// unknown enum values, another organisation's real ids, deep nesting. Whatever comes,
// the api answers with a GraphQL error carrying a client code (never a 500, never
// INTERNAL_SERVER_ERROR), a refused request leaves every table of both organisations
// exactly as it was (no partial write), and the other organisation is never touched.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { createCampaign, createContact, createDecisionMaker, createDemand, inHours, scheduleAction, setParticipation } from '../support/campaign-fixtures.js';

/** At least this many cases in all, spread evenly over the mutations (FUZZ_CASES to change it). */
const TOTAL_CASES = Number(process.env.FUZZ_CASES ?? 5000);
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_REQUESTS']);

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../../apps/api/schema.graphql', import.meta.url)), 'utf8'));
// A mutation without arguments has nothing to fuzz (signOut, signOutEverywhere, rotateCalendarFeed),
// and ending the fuzzer's own session would only test the fuzzer.
const MUTATIONS = Object.values(schema.getMutationType()!.getFields()).filter((m) => m.args.length > 0);

// ---- Hostile values ----

const CONTROL = fc.constantFrom('\u0000', 'a\u0000b', '\u0007\u0008\u001b[31m', '\r\n\t', '\u007f', '\u202e', '\ufeff', '\ud800', '\udfff', '\u2028', '\u0085');
const INJECTION = fc.constantFrom(
  "'; DROP TABLE contacts; --",
  '%',
  '_',
  '\\',
  '%_\\%',
  '$1',
  '${x}',
  '<script>alert(1)</script>',
  '{"$ne":null}',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
);
const HUGE = fc.integer({ min: 5_000, max: 60_000 }).chain((n) => fc.constantFrom('x', 'é', '😀', ' ').map((c) => c.repeat(n)));
const PLAUSIBLE = fc.constantFrom(
  'Awa',
  'Diallo',
  '06 12 34 56 78',
  '+33612345678',
  'awa@test.example',
  'A',
  ' ',
  '',
  '2024-01-01T10:00:00Z',
  'fr',
  'en',
  'CPAM',
);
const smallHostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: PLAUSIBLE },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.tuple(PLAUSIBLE, CONTROL, fc.string({ maxLength: 10 })).map(([a, b, c]) => a + b + c) },
  { weight: 2, arbitrary: INJECTION },
);
const hostileString: fc.Arbitrary<string> = fc.oneof({ weight: 11, arbitrary: smallHostileString }, { weight: 1, arbitrary: HUGE });

/** Deep nesting where a flat value is expected: objects and lists hundreds of levels deep. */
const deep = fc.tuple(fc.integer({ min: 20, max: 600 }), fc.boolean()).map(([depth, asList]) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = asList ? [value] : { a: value };
  return value;
});
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  hostileString,
  fc.constant(2 ** 53 + 1),
  fc.constant(-0),
  deep,
  fc.array(fc.oneof(fc.integer(), hostileString), { maxLength: 4 }),
);

interface Ids {
  own: string[];
  foreign: string[];
  ownByKind: Record<string, string[]>;
}
let ids: Ids = { own: [], foreign: [], ownByKind: {} };
/** Which kind of row an argument names, from its name (contactId, decisionMakerIds…). */
const KINDS = [
  'campaign',
  'contact',
  'decisionMaker',
  'demand',
  'action',
  'negotiation',
  'commitment',
  'win',
  'conversation',
  'user',
  'session',
  'case',
  'building',
  'door',
  'reminder',
] as const;
const kindOf = (field: string) =>
  KINDS.find((k) => field.toLowerCase().startsWith(k.toLowerCase())) ??
  (/^(keep|drop)id$/i.test(field)
    ? 'contact'
    : /target|decision/i.test(field)
      ? 'decisionMaker'
      : /owner|user/i.test(field)
        ? 'user'
        : /celebration/i.test(field)
          ? 'action'
          : undefined);
/** For `id` arguments: the longest kind named in the mutation's name, as a field name kindOf reads. */
const idKindField = (mutation: string) => [...KINDS].sort((a, b) => b.length - a.length).find((k) => mutation.toLowerCase().includes(k.toLowerCase())) ?? 'id';
const idArb = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids.own) },
    { weight: 4, arbitrary: fc.constantFrom(...ids.foreign) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileString },
  );

const dateArb = fc.oneof(
  fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    new Date().toISOString(),
    inHours(48).toISOString(),
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2024-02-30T10:00:00Z',
    'yesterday',
    '',
    '1e99',
  ),
  fc.integer().map(String),
);
const intArb = fc.oneof(fc.integer({ min: -3, max: 10 }), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 0, 1, 5, 200, 201, 1_000_000));

function scalarArb(name: string, huge: boolean): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return idArb();
    case 'Int':
      return intArb;
    case 'Float':
      return fc.double();
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return dateArb;
    default:
      return huge ? hostileString : smallHostileString;
  }
}

/** A value for a GraphQL input type: mostly the right shape with hostile content, sometimes the wrong shape. */
function valueFor(type: GraphQLInputType, depth = 0, huge = true): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, depth, huge);
  let right: fc.Arbitrary<unknown>;
  if (isListType(type)) {
    const item = valueFor(type.ofType as GraphQLInputType, depth + 1, huge);
    const small = valueFor(type.ofType as GraphQLInputType, depth + 1, false);
    right = fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.tuple(small, fc.integer({ min: 20, max: 1000 })).map(([v, n]) => Array.from({ length: n }, () => v)) },
    );
  } else if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) record[f.name] = depth > 3 ? fc.constant(null) : valueFor(f.type, depth + 1, huge);
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    right = fc.oneof(
      { weight: 10, arbitrary: fc.record(record, { requiredKeys: required }) },
      { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) }, // required fields missing
      { weight: 1, arbitrary: fc.record(record, { requiredKeys: required }).map((v) => ({ ...v, unknownField: 'x' })) },
    );
  } else if (isEnumType(type)) {
    right = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value as string)) },
      { weight: 1, arbitrary: fc.constantFrom('UNKNOWN', 'organiser', 'OPEN ', '', '__proto__') },
    );
  } else if (isScalarType(type)) {
    right = scalarArb(type.name, huge);
  } else {
    throw new Error(`unexpected input type ${String(type)}`);
  }
  // Sometimes the wrong shape, null, or left out (undefined drops the key in JSON); rarer
  // deeper down, so that most cases reach the services' own checks.
  const odd = depth === 0 ? 1 : 0.25;
  return fc.oneof(
    { weight: 48, arbitrary: right },
    { weight: 4 * odd, arbitrary: wrongType },
    { weight: 4 * odd, arbitrary: fc.constantFrom(null, undefined) },
  );
}

/**
 * Input that is valid enough to be written (a plausible value per field, by its
 * name), with now and then one hostile leaf: that is where a half-done write
 * would show. `hostile` is the value at the same place from valueFor.
 */
let serial = 0;
function plausibleScalar(type: string, field: string): fc.Arbitrary<unknown> {
  const f = field.toLowerCase();
  if (type === 'ID') return fc.constantFrom(...(ids.ownByKind[kindOf(field) ?? ''] ?? ids.own));
  if (type === 'Int') return fc.integer({ min: 1, max: 5 });
  if (type === 'Boolean') return fc.boolean();
  if (type === 'Float') return fc.constant(1.5);
  if (type === 'DateTime')
    return f === 'at' || f.includes('occurred') || f.includes('entered') || f.includes('won')
      ? fc.constant(inHours(-3).toISOString())
      : fc.constantFrom(inHours(30).toISOString(), inHours(200).toISOString());
  if (f.includes('email')) return fc.constant('').map(() => `fuzz${++serial}@test.example`);
  if (f.includes('phone')) return fc.constantFrom('06 12 34 56 78', '+33 7 81 23 45 67');
  if (f.includes('password')) return fc.constant('correct horse battery');
  if (f.includes('locale')) return fc.constantFrom('fr', 'en');
  if (f.includes('clientid')) return fc.uuid();
  if (f === 'rrule') return fc.constantFrom('FREQ=WEEKLY;BYDAY=TU', 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1');
  if (f === 'starttime') return fc.constantFrom('10:00', '14:00');
  if (f === 'endtime') return fc.constant('16:30');
  return fc.constantFrom('Awa', 'Diallo', 'CPAM Villejean', 'Réunion publique', 'Rendez-vous obtenu', 'Dalle Kennedy', 'santé');
}
function tameFor(type: GraphQLInputType, field: string, depth = 0): fc.Arbitrary<unknown> {
  const hostile = valueFor(type, depth + 1, false);
  if (isNonNullType(type)) return tameFor(type.ofType, field, depth);
  let plausible: fc.Arbitrary<unknown>;
  if (isListType(type)) plausible = fc.array(tameFor(type.ofType as GraphQLInputType, field, depth + 1), { maxLength: 2 });
  else if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) record[f.name] = depth > 3 ? fc.constant(undefined) : tameFor(f.type, f.name, depth + 1);
    plausible = fc.record(record, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
  } else if (isEnumType(type)) plausible = fc.constantFrom(...type.getValues().map((v) => v.value as string));
  else plausible = plausibleScalar((type as { name: string }).name, field);
  return fc.oneof({ weight: 24, arbitrary: plausible }, { weight: 1, arbitrary: hostile });
}

/** The mutation as a document with one variable per argument, asking back only ids. */
function documentFor(m: GraphQLField<unknown, unknown>): string {
  const vars = m.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = m.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(m.type);
  const selection = isObjectType(returned) ? ` { __typename${returned.getFields().id ? ' id' : ''} }` : '';
  return `mutation Fuzz(${vars}) { ${m.name}(${args})${selection} }`;
}

describe('fuzzing every mutation with hostile input', () => {
  let t: TestApp;
  let token: string;
  let orgA: string;
  let orgB: string;
  let tables: string[];

  /**
   * What each table of an organisation holds: its row count and the sum of its rows'
   * xmin (the transaction that last wrote each row). Any insert, update or delete
   * committed for that organisation changes one of them; a lock or a rolled-back write does not.
   */
  async function snapshot(organizationId: string): Promise<Record<string, string>> {
    const parts = tables.map(
      (table) => `SELECT '${table}' AS t, count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) AS s FROM "${table}" WHERE organization_id = $1`,
    );
    const { rows } = await t.db.query(parts.join(' UNION ALL '), [organizationId]);
    return Object.fromEntries(rows.map((r: { t: string; s: string }) => [r.t, r.s]));
  }

  /** A campaign with one of everything, in an organisation; returns the ids. */
  async function populate(organiserToken: string): Promise<string[]> {
    const q = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables, organiserToken);
    const campaignId = await createCampaign(t, organiserToken);
    const contactId = await createContact(t, organiserToken, { phone: '0611111111' });
    const decisionMakerId = await createDecisionMaker(t, organiserToken);
    const demandId = await createDemand(t, organiserToken, { campaignId, targetId: decisionMakerId });
    const actionId = await scheduleAction(t, organiserToken, { campaignId });
    await setParticipation(t, organiserToken, actionId, contactId, 'COMMITTED');
    const negotiationId = (
      await q(`mutation($i: NegotiationInput!) { planNegotiation(input: $i) { id } }`, {
        i: { campaignId, decisionMakerIds: [decisionMakerId], scheduledAt: inHours(30).toISOString() },
      })
    ).planNegotiation.id;
    const commitmentId = (
      await q(`mutation($i: CommitmentInput!) { recordCommitment(input: $i) { id } }`, {
        i: { contactId, campaignId, description: 'x', dueAt: inHours(20).toISOString() },
      })
    ).recordCommitment.id;
    const winId = (await q(`mutation($i: WinInput!) { recordWin(input: $i) { id } }`, { i: { campaignId, title: 'w', size: 'SMALL' } })).recordWin.id;
    const conversationId = (
      await q(`mutation($c: ID!, $k: ID!) { logConversation(input: { kind: PHONE, outcome: TALKED, campaignId: $c, contactId: $k }) { id } }`, {
        c: campaignId,
        k: contactId,
      })
    ).logConversation.id;
    const bystander = await addMember(t, organiserToken, 'LEADER');
    const seriesId = (
      await q(`mutation($i: SessionSeriesInput!) { createSessionSeries(input: $i) { id } }`, {
        i: { kind: 'PERMANENCE', title: 'p', rrule: 'DTSTART:20260106\nRRULE:FREQ=WEEKLY;BYDAY=TU', startTime: '10:00', endTime: '12:30' },
      })
    ).createSessionSeries.id;
    const caseId = (await q(`mutation($i: CaseInput!) { openCase(input: $i) { id } }`, { i: { contactId, agency: 'CAF', summary: 's', campaignId } })).openCase
      .id;
    const buildingId = (
      await q(`mutation($i: BuildingInput!) { createBuilding(input: $i) { id doors { id } } }`, {
        i: { campaignId, street: 'Cours Kennedy', number: '4', floors: 2, doorsPerFloor: 2 },
      })
    ).createBuilding;
    await q(
      `mutation($c: ID!, $k: ID!, $at: DateTime!) { logConversation(input: { kind: PHONE, outcome: TALKED, campaignId: $c, contactId: $k, followUpAt: $at }) { id } }`,
      {
        c: campaignId,
        k: contactId,
        at: inHours(50).toISOString(),
      },
    );
    const reminderId = (await q(`{ myReminders { id } }`)).myReminders[0].id;
    return [
      campaignId,
      contactId,
      decisionMakerId,
      demandId,
      actionId,
      negotiationId,
      commitmentId,
      winId,
      conversationId,
      bystander.userId,
      `${seriesId}_2026-01-06`,
      caseId,
      buildingId.id,
      buildingId.doors[0].id,
      reminderId,
    ];
  }

  beforeAll(async () => {
    t = await startTestApp();
    const a = await registerOrganization(t, 'Fuzzed');
    const b = await registerOrganization(t, 'Foreign');
    token = a.token;
    orgA = a.organization.id;
    orgB = b.organization.id;
    // The fuzzer's own account is left out of the ids: demoting or removing itself would only end the run.
    const own = await populate(a.token);
    ids = { own, foreign: [...(await populate(b.token)), b.user.id], ownByKind: Object.fromEntries(KINDS.map((k, i) => [k, [own[i]]])) };
    tables = (
      await t.db.query(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name`,
      )
    ).rows.map((r: { table_name: string }) => r.table_name);
  }, 60_000);
  afterAll(() => t.close());

  it('finds every mutation of the contract in the schema', () => {
    expect(MUTATIONS.map((m) => m.name)).toEqual(
      expect.arrayContaining(['logConversation', 'updateContact', 'eraseContact', 'recordCommitment', 'updateBrief', 'signIn']),
    );
  });

  let casesRun = 0;
  const written = new Set<string>();
  it.each(MUTATIONS.map((m) => [m.name, m] as const))(
    '%s: a client error or a clean write, whatever the input',
    async (_name, mutation) => {
      const document = documentFor(mutation);
      // Half the cases hostile throughout, half plausible with the odd hostile value.
      const argsArb = fc.oneof(
        fc.record(Object.fromEntries(mutation.args.map((a) => [a.name, valueFor(a.type)]))),
        // An argument called `id` is of the kind the mutation names (completeReminder(id) → a reminder).
        fc.record(Object.fromEntries(mutation.args.map((a) => [a.name, tameFor(a.type, a.name === 'id' ? idKindField(mutation.name) : a.name)]))),
      );
      const foreignBefore = await snapshot(orgB);
      let ownBefore = await snapshot(orgA);
      await fc.assert(
        fc.asyncProperty(argsArb, async (variables) => {
          const payload = JSON.stringify({ query: document, variables });
          // Over 1 MB the body parser answers 413 before GraphQL (a transport limit, tested on its own).
          fc.pre(Buffer.byteLength(payload) < 1_000_000);
          casesRun++;
          const res = await fetch(`${t.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: payload,
          });
          const text = await res.text();
          expect(res.status).toBeLessThan(500);
          const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
          const refused = !body.data || body.data[mutation.name] == null;
          if (refused) {
            // Refused: a GraphQL error with a client code, and nothing written anywhere.
            expect(body.errors?.length).toBeGreaterThan(0);
            expect(body.errors!.filter((e) => !CLIENT_CODES.has(e.extensions?.code ?? '')).map((e) => `${e.extensions?.code}: ${e.message}`)).toEqual([]);
            expect(await snapshot(orgA)).toEqual(ownBefore);
          } else {
            expect(body.errors).toBeUndefined();
            // Written: never onto (or answering with) the other organisation's rows.
            const answer = JSON.stringify(body.data);
            expect(ids.foreign.filter((id) => answer.includes(id))).toEqual([]);
            ownBefore = await snapshot(orgA);
            written.add(mutation.name);
          }
        }),
        { numRuns: Math.ceil(TOTAL_CASES / MUTATIONS.length), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
      );
      expect(await snapshot(orgB)).toEqual(foreignBefore);
    },
    180_000,
  );

  it(`ran at least ${TOTAL_CASES} cases, and reached the services: most mutations also wrote`, () => {
    expect(casesRun).toBeGreaterThanOrEqual(TOTAL_CASES);
    // Not only refusals at the door: generated input often is valid enough to be written.
    expect(written.size).toBeGreaterThanOrEqual(Math.floor(MUTATIONS.length * 0.6));
  });
});
