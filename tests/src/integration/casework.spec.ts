// Permanences, workshops and cases as "Si on s'alliait ?" runs them, on a real
// PostgreSQL: session series with RFC 5545 rules in the organisation's time zone,
// occurrences computed until something is recorded, attendance, cases and their steps,
// the evidence they add up to (worked out by hand), privacy, and the allies' feed
// parsed back by a real iCalendar parser (ical.js).
import ICAL from 'ical.js';
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { NIL_UUID, countRows, createCampaign, createContact, errorOf } from '../support/campaign-fixtures.js';

const DAY = 86_400_000;
const SERIES = `mutation($input: SessionSeriesInput!) { createSessionSeries(input: $input) { id kind title location rrule startTime endTime visibility } }`;
const SESSIONS = `query($from: DateTime!, $to: DateTime!) { sessions(from: $from, to: $to) { id title startsAt endsAt cancelled attendeeCount visits attendees { id firstName } series { id } } }`;
const OPEN = `mutation($input: CaseInput!) { openCase(input: $input) { id agency summary status openedAt closedAt nextStepAt recoveredCents issue { id name } owner { id } contact { id } campaign { id } steps { id } } }`;
const UPDATE = `mutation($id: ID!, $input: CaseUpdateInput!) { updateCase(id: $id, input: $input) { id status closedAt nextStepAt recoveredCents steps { at note by { id } } } }`;
const EVIDENCE = `query($filter: EvidenceFilter) { caseEvidence(filter: $filter) { cases people open resolved unresolved medianDaysToClose recoveredCents byAgency { agency cases open resolved unresolved } quotes } }`;

describe('casework', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Si on s’alliait ?');
    token = org.token;
  });
  afterAll(() => t.close());

  const permanence = (input: Record<string, unknown> = {}) =>
    t
      .ok(
        SERIES,
        {
          input: {
            kind: 'PERMANENCE',
            title: 'Permanence du mardi',
            location: '4 rue du Bourbonnais',
            rrule: 'DTSTART:20191105\nRRULE:FREQ=WEEKLY;BYDAY=TU',
            startTime: '10:00',
            endTime: '12:30',
            ...input,
          },
        },
        token,
      )
      .then((d) => d.createSessionSeries);

  describe('session series', () => {
    it('a Tuesday 10:00 permanence is 10:00 in Paris in January and in July, 2026 and 2027', async () => {
      const series = await permanence();
      expect(series).toMatchObject({ kind: 'PERMANENCE', rrule: 'FREQ=WEEKLY;BYDAY=TU', startTime: '10:00', endTime: '12:30', visibility: 'TEAM' });
      const list = async (from: string, to: string) =>
        (await t.ok(SESSIONS, { from, to }, token)).sessions.filter((s: any) => s.series.id === series.id).map((s: any) => s.startsAt);
      expect(await list('2026-01-01T00:00:00Z', '2026-01-14T00:00:00Z')).toEqual(['2026-01-06T09:00:00.000Z', '2026-01-13T09:00:00.000Z']);
      expect(await list('2026-03-23T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual(['2026-03-24T09:00:00.000Z', '2026-03-31T08:00:00.000Z']);
      expect(await list('2026-07-01T00:00:00Z', '2026-07-08T00:00:00Z')).toEqual(['2026-07-07T08:00:00.000Z']);
      expect(await list('2027-10-25T00:00:00Z', '2027-11-04T00:00:00Z')).toEqual(['2027-10-26T08:00:00.000Z', '2027-11-02T09:00:00.000Z']);
      // Nothing is stored for occurrences nobody recorded anything on.
      expect(await countRows(t, 'sessions', org.organization.id)).toBe(0);
    });

    it('an organisation in another time zone gets its own wall clock (Montréal, DST 2026)', async () => {
      const other = await registerOrganization(t, 'Montréal');
      await t.db.query(`UPDATE organizations SET timezone = 'America/Toronto' WHERE id = $1`, [other.organization.id]);
      const s = (
        await t.ok(
          SERIES,
          { input: { kind: 'WORKSHOP', title: 'Atelier', rrule: 'DTSTART:20260101\nRRULE:FREQ=WEEKLY;BYDAY=TH', startTime: '14:00', endTime: '15:30' } },
          other.token,
        )
      ).createSessionSeries;
      const sessions = (await t.ok(SESSIONS, { from: '2026-03-02T00:00:00Z', to: '2026-03-13T00:00:00Z' }, other.token)).sessions;
      expect(sessions.map((x: any) => [x.series.id, x.startsAt, x.endsAt])).toEqual([
        [s.id, '2026-03-05T19:00:00.000Z', '2026-03-05T20:30:00.000Z'],
        [s.id, '2026-03-12T18:00:00.000Z', '2026-03-12T19:30:00.000Z'],
      ]);
    });

    it.each([
      [{ rrule: 'FREQ=SECONDLY' }, 'input.rrule'],
      [{ rrule: 'n’importe quoi' }, 'input.rrule'],
      [{ rrule: 'FREQ=WEEKLY;BYDAY=TU;INTERVAL=-1' }, 'input.rrule'],
      [{ startTime: '12:30', endTime: '10:00' }, 'input.endTime'],
      [{ startTime: '25:00' }, 'input.startTime'],
      [{ title: '  ' }, 'input.title'],
    ])('refuses %p: BAD_USER_INPUT naming %s, nothing written', async (input, field) => {
      const before = await countRows(t, 'session_series', org.organization.id);
      const res = await t.gql(
        SERIES,
        { input: { kind: 'PERMANENCE', title: 'X', rrule: 'FREQ=WEEKLY;BYDAY=TU', startTime: '10:00', endTime: '12:30', ...input } },
        token,
      );
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await countRows(t, 'session_series', org.organization.id)).toBe(before);
    });

    it('sessions: to before from is BAD_USER_INPUT', async () => {
      expect(errorOf(await t.gql(SESSIONS, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'to',
      });
    });
  });

  describe('attendance and visits', () => {
    it('is recorded on a computed occurrence, idempotently; the session is then stored', async () => {
      const series = await permanence({
        title: 'Permanence du jeudi',
        rrule: 'DTSTART:20260101\nRRULE:FREQ=WEEKLY;BYDAY=TH',
        startTime: '14:00',
        endTime: '16:30',
      });
      const sessionId = `${series.id}_2026-03-05`;
      const awa = await createContact(t, token, { firstName: 'Awa' });
      const karim = await createContact(t, token, { firstName: 'Karim' });
      const RECORD = `mutation($s: ID!, $c: [ID!]!) { recordAttendance(sessionId: $s, contactIds: $c) { id startsAt attendeeCount attendees { firstName } } }`;
      const first = (await t.ok(RECORD, { s: sessionId, c: [awa, karim] }, token)).recordAttendance;
      expect(first).toMatchObject({ id: sessionId, startsAt: '2026-03-05T13:00:00.000Z', attendeeCount: 2 });
      // The phone's outbox sends it again, and a second volunteer taps Awa: nothing doubles.
      const again = (await t.ok(RECORD, { s: sessionId, c: [awa, awa] }, token)).recordAttendance;
      expect(again.attendeeCount).toBe(2);
      expect(await countRows(t, 'sessions', org.organization.id)).toBe(1);

      // A DROP_IN logged during the session counts as a visit.
      await t.ok(
        `mutation($s: ID!, $c: ID!) { logConversation(input: { kind: DROP_IN, outcome: TALKED, contactId: $c, sessionId: $s, occurredAt: "2026-03-05T13:30:00Z" }) { id } }`,
        { s: sessionId, c: awa },
        token,
      );
      const listed = (await t.ok(SESSIONS, { from: '2026-03-05T00:00:00Z', to: '2026-03-06T00:00:00Z' }, token)).sessions.find((s: any) => s.id === sessionId);
      expect(listed).toMatchObject({ attendeeCount: 2, visits: 1, cancelled: false });
      expect(listed.attendees.map((a: any) => a.firstName).sort()).toEqual(['Awa', 'Karim']);

      // A day the rule does not have, a made-up or foreign session, a foreign contact: NOT_FOUND, nothing written.
      const other = await registerOrganization(t, 'Other');
      const stranger = await createContact(t, other.token, { firstName: 'Zoé' });
      expect(errorOf(await t.gql(RECORD, { s: `${series.id}_2026-03-06`, c: [awa] }, token))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await t.gql(RECORD, { s: 'nonsense', c: [awa] }, token))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await t.gql(RECORD, { s: sessionId, c: [awa] }, other.token))).toMatchObject({ code: 'NOT_FOUND' });
      const sessionsBefore = await countRows(t, 'sessions', org.organization.id);
      const res = await t.gql(RECORD, { s: `${series.id}_2026-03-12`, c: [awa, stranger] }, token);
      expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(res).message).toContain('contactIds[1]');
      expect(await countRows(t, 'sessions', org.organization.id)).toBe(sessionsBefore);
      const badVisit = await t.gql(
        `mutation { logConversation(input: { kind: DROP_IN, outcome: TALKED, sessionId: "${series.id}_2026-03-06" }) { id } }`,
        undefined,
        token,
      );
      expect(errorOf(badVisit)).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(badVisit).message).toContain('input.sessionId');
    });

    it('changing the series leaves past sessions and their attendance as they were', async () => {
      const series = await permanence({
        title: 'Atelier code',
        kind: 'WORKSHOP',
        rrule: 'DTSTART:20260101\nRRULE:FREQ=WEEKLY;BYDAY=TU',
        startTime: '14:30',
        endTime: '15:30',
      });
      const awa = await createContact(t, token, { firstName: 'Awa' });
      await t.ok(`mutation($s: ID!, $c: [ID!]!) { recordAttendance(sessionId: $s, contactIds: $c) { id } }`, { s: `${series.id}_2026-01-06`, c: [awa] }, token);
      await t.ok(
        `mutation($id: ID!, $input: SessionSeriesInput!) { updateSessionSeries(id: $id, input: $input) { id } }`,
        { id: series.id, input: { kind: 'WORKSHOP', title: 'Atelier code', rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '15:00', endTime: '16:00' } },
        token,
      );
      const list = (await t.ok(SESSIONS, { from: '2026-01-05T00:00:00Z', to: '2026-01-09T00:00:00Z' }, token)).sessions.filter(
        (s: any) => s.series.id === series.id,
      );
      expect(list.map((s: any) => [s.id, s.startsAt, s.attendeeCount])).toEqual([
        [`${series.id}_2026-01-06`, '2026-01-06T13:30:00.000Z', 1],
        [`${series.id}_2026-01-07`, '2026-01-07T14:00:00.000Z', 0],
      ]);
    });
  });

  describe('cases', () => {
    it('opens, matches the agency and the issue, follows steps, closes with money recovered', async () => {
      const fatima = await createContact(t, token, { firstName: 'Fatima' });
      await t.ok(
        `mutation($c: ID!) { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, contactId: $c, issues: [{ name: "Suspension des APL", intensity: 4 }] }) { id } }`,
        { c: fatima },
        token,
      );
      const leader = await addMember(t, token, 'LEADER');
      const next = new Date(Date.now() + 7 * DAY).toISOString();
      const opened = (
        await t.ok(
          OPEN,
          {
            input: {
              contactId: fatima,
              agency: 'CAF',
              issueName: 'suspension des apl ',
              summary: 'APL suspendues depuis le contrôle',
              nextStepAt: next,
              ownerId: leader.userId,
            },
          },
          token,
        )
      ).openCase;
      expect(opened).toMatchObject({
        agency: 'CAF',
        status: 'OPEN',
        closedAt: null,
        nextStepAt: next,
        owner: { id: leader.userId },
        contact: { id: fatima },
        issue: { name: 'Suspension des APL' },
        steps: [],
      });
      const again = (await t.ok(OPEN, { input: { contactId: fatima, agency: ' câf', summary: 'Prime d’activité' } }, leader.token)).openCase;
      expect(again.agency).toBe('CAF'); // first spelling kept

      const STEP = `mutation($id: ID!, $note: String!, $at: DateTime) { addCaseStep(caseId: $id, note: $note, at: $at) { id at note by { id } } }`;
      await t.ok(STEP, { id: opened.id, note: 'Appel à la CAF', at: new Date(Date.now() - DAY).toISOString() }, leader.token);
      const future = await t.gql(STEP, { id: opened.id, note: 'Plus tard', at: new Date(Date.now() + 2 * DAY).toISOString() }, token);
      expect(errorOf(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });

      const closed = (await t.ok(UPDATE, { id: opened.id, input: { status: 'RESOLVED', recoveredCents: 123_456 } }, token)).updateCase;
      expect(closed).toMatchObject({ status: 'RESOLVED', recoveredCents: 123_456 });
      expect(closed.closedAt).not.toBeNull();
      expect(closed.steps.map((s: any) => s.note)).toEqual(['Appel à la CAF', 'Statut : OPEN → RESOLVED']);

      const contact = (await t.ok(`query($id: ID!) { contact(id: $id) { cases { id status } } }`, { id: fatima }, token)).contact;
      expect(contact.cases.map((c: any) => c.id)).toEqual([again.id, opened.id]); // newest first
      const mine = (await t.ok(`query($o: ID) { cases(ownerId: $o) { id } }`, { o: leader.userId }, token)).cases;
      expect(mine.map((c: any) => c.id)).toEqual([opened.id]);
    });

    it('bad input and foreign ids: nothing written', async () => {
      const other = await registerOrganization(t, 'Other');
      const stranger = await createContact(t, other.token, { firstName: 'Zoé' });
      const foreignCampaign = await createCampaign(t, other.token);
      const awa = await createContact(t, token, { firstName: 'Awa' });
      const before = await countRows(t, 'cases', org.organization.id);
      const tries: Array<[Record<string, unknown>, string, string]> = [
        [{ contactId: stranger }, 'NOT_FOUND', 'input.contactId'],
        [{ contactId: NIL_UUID }, 'NOT_FOUND', 'input.contactId'],
        [{ campaignId: foreignCampaign }, 'NOT_FOUND', 'input.campaignId'],
        [{ sessionId: 'x' }, 'NOT_FOUND', 'input.sessionId'],
        [{ agency: ' ' }, 'BAD_USER_INPUT', 'input.agency'],
        [{ summary: '' }, 'BAD_USER_INPUT', 'input.summary'],
        [{ nextStepAt: 'demain' }, 'BAD_USER_INPUT', ''],
      ];
      for (const [input, code, field] of tries) {
        const res = await t.gql(OPEN, { input: { contactId: awa, agency: 'CPAM', summary: 'Carte vitale', ...input } }, token);
        const error = errorOf(res);
        expect(error.code).toBe(code);
        if (field) expect(error.message).toContain(field);
      }
      expect(await countRows(t, 'cases', org.organization.id)).toBe(before);
      const own = (await t.ok(OPEN, { input: { contactId: awa, agency: 'CPAM', summary: 'Carte vitale' } }, token)).openCase;
      expect(errorOf(await t.gql(UPDATE, { id: own.id, input: { status: 'RESOLVED' } }, other.token))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await t.gql(UPDATE, { id: own.id, input: { recoveredCents: -5 } }, token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.recoveredCents',
      });
    });

    it('allies never see cases, steps, evidence nor sessions', async () => {
      const ally = await addMember(t, token, 'ALLY');
      for (const query of [
        '{ cases { id } }',
        `{ caseEvidence { cases } }`,
        `{ sessionSeries { id } }`,
        `{ sessions(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { id } }`,
      ]) {
        expect(errorOf(await t.gql(query, undefined, ally.token)).code).toBe('FORBIDDEN');
      }
      const campaign = await createCampaign(t, token);
      expect(errorOf(await t.gql(`query($id: ID!) { campaign(id: $id) { evidence { cases } } }`, { id: campaign }, ally.token)).code).toBe('FORBIDDEN');
      const awa = await createContact(t, token, { firstName: 'Awa' });
      expect(errorOf(await t.gql(OPEN, { input: { contactId: awa, agency: 'CAF', summary: 's' } }, ally.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(OPEN, { input: { contactId: awa, agency: 'CAF', summary: 's', ownerId: ally.userId } }, token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.ownerId',
      });
      const leader = await addMember(t, token, 'LEADER');
      expect(
        errorOf(
          await t.gql(SERIES, { input: { kind: 'PERMANENCE', title: 'X', rrule: 'FREQ=WEEKLY;BYDAY=TU', startTime: '10:00', endTime: '12:30' } }, leader.token),
        ).code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('evidence', () => {
    it('counts a small data set worked out by hand: agencies, people, median, money, consented quotes, never a name', async () => {
      const o = await registerOrganization(t, 'Evidence');
      const campaign = await createCampaign(t, o.token, 'CAF : droits suspendus');
      const consent = new Date(Date.now() - 30 * DAY).toISOString();
      const amina = await createContact(t, o.token, { firstName: 'Amina', consentGivenAt: consent });
      const bruno = await createContact(t, o.token, { firstName: 'Bruno' });
      const chloe = await createContact(t, o.token, { firstName: 'Chloé', consentGivenAt: consent });
      const open = async (contactId: string, agency: string, summary: string, daysAgo: number, linked = true) => {
        const c = (await t.ok(OPEN, { input: { contactId, agency, summary, ...(linked ? { campaignId: campaign } : {}) } }, o.token)).openCase;
        await t.db.query(`UPDATE cases SET opened_at = now() - make_interval(days => $2) WHERE id = $1`, [c.id, daysAgo]);
        return c.id as string;
      };
      const close = async (id: string, status: string, daysAgo: number, recoveredCents?: number) => {
        await t.ok(UPDATE, { id, input: { status, ...(recoveredCents ? { recoveredCents } : {}) } }, o.token);
        await t.db.query(`UPDATE cases SET closed_at = now() - make_interval(days => $2) WHERE id = $1`, [id, daysAgo]);
      };
      // Amina: CAF, 60 days open → resolved 13 days ago (47 days), 1 200,00 € restored.
      await close(await open(amina, 'CAF', 'APL suspendues après un contrôle', 60), 'RESOLVED', 13, 120_000);
      // Bruno (no consent): "caf" matched to CAF, 20 → closed 10 days ago (10 days), 300,50 €.
      await close(await open(bruno, 'caf', 'RSA suspendu sans courrier', 20), 'RESOLVED', 10, 30_050);
      // Bruno again: CPAM, 70 → unresolved 10 days ago (60 days).
      await close(await open(bruno, 'CPAM', 'Carte vitale jamais reçue', 70), 'UNRESOLVED', 10);
      // Chloé: "C.P.A.M." is another agency to the matcher (punctuation kept): its own line; waiting.
      const waiting = await open(chloe, 'C.P.A.M.', 'Complémentaire santé refusée', 5);
      await t.ok(UPDATE, { id: waiting, input: { status: 'WAITING_ON_AGENCY' } }, o.token);
      // Not linked to the campaign: counted by the organisation's evidence only.
      await open(chloe, 'Préfecture', 'Titre de séjour', 3, false);

      const byCampaign = (
        await t.ok(
          `query($id: ID!) { campaign(id: $id) { evidence { cases people open resolved unresolved medianDaysToClose recoveredCents byAgency { agency cases open resolved unresolved } quotes } } }`,
          { id: campaign },
          o.token,
        )
      ).campaign.evidence;
      expect(byCampaign).toEqual({
        cases: 4,
        people: 3,
        open: 1,
        resolved: 2,
        unresolved: 1,
        medianDaysToClose: 47, // 10, 47, 60
        recoveredCents: 150_050,
        byAgency: [
          { agency: 'CAF', cases: 2, open: 0, resolved: 2, unresolved: 0 },
          { agency: 'C.P.A.M.', cases: 1, open: 1, resolved: 0, unresolved: 0 },
          { agency: 'CPAM', cases: 1, open: 0, resolved: 0, unresolved: 1 },
        ],
        quotes: ['Complémentaire santé refusée', 'APL suspendues après un contrôle'], // Bruno gave no consent
      });
      const all = (await t.ok(EVIDENCE, {}, o.token)).caseEvidence;
      expect(all).toMatchObject({ cases: 5, people: 3, open: 2 });
      expect(JSON.stringify(all)).not.toMatch(/Amina|Bruno|Chloé/);
      expect((await t.ok(EVIDENCE, { filter: { agency: 'Câf' } }, o.token)).caseEvidence).toMatchObject({ cases: 2, medianDaysToClose: 28.5 });
      expect(errorOf(await t.gql(EVIDENCE, { filter: { campaignId: await createCampaign(t, token) } }, o.token)).code).toBe('NOT_FOUND');
    });
  });

  describe('the listening report', () => {
    it('shows, per issue, the consented quotes and the cases on the same issue; never a name, nothing for allies', async () => {
      const o = await registerOrganization(t, 'Écoute');
      const campaign = await createCampaign(t, o.token, 'CPAM Villejean');
      const consent = new Date(Date.now() - 30 * DAY).toISOString();
      const awa = await createContact(t, o.token, { firstName: 'Awa', consentGivenAt: consent });
      const ben = await createContact(t, o.token, { firstName: 'Ben' });
      const LOG = `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`;
      const talk = (k: number, contactId: string, issues: unknown[]) =>
        t.ok(LOG, { input: { clientId: `listening-${k}`, kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId: campaign, contactId, issues } }, o.token);
      await talk(1, awa, [{ name: 'Antenne fermée', intensity: 5, quote: 'Plus personne pour mes remboursements' }]);
      // Ben gave no consent: his words are not quoted.
      await talk(2, ben, [{ name: 'Antenne fermée', intensity: 4, quote: 'Mot de Ben, sans accord' }]);
      await talk(3, awa, [{ name: 'Démarches en ligne', intensity: 3, quote: null }]);
      // Cases: the issue matched like conversation issues ("antenne fermee" is "Antenne fermée").
      const resolved = (
        await t.ok(OPEN, { input: { contactId: awa, agency: 'CPAM', issueName: 'antenne fermee', summary: 'Remboursements bloqués' } }, o.token)
      ).openCase;
      await t.ok(UPDATE, { id: resolved.id, input: { status: 'RESOLVED', recoveredCents: 25_000 } }, o.token);
      await t.ok(OPEN, { input: { contactId: ben, agency: 'CAF', issueName: 'Antenne fermée', summary: 'Résumé de Ben, sans accord' } }, o.token);
      // An issue never raised at the doors stays out of the report.
      await t.ok(OPEN, { input: { contactId: ben, agency: 'Bailleur', issueName: 'Logement', summary: 'Fuite' } }, o.token);

      const REPORT = `query($id: ID!) { listeningReport(campaignId: $id) { issue { name } mentions contacts quotes cases { cases people open resolved recoveredCents quotes } } }`;
      const report = (await t.ok(REPORT, { id: campaign }, o.token)).listeningReport;
      expect(report).toEqual([
        {
          issue: { name: 'Antenne fermée' },
          mentions: 2,
          contacts: 2,
          quotes: ['Plus personne pour mes remboursements'],
          cases: { cases: 2, people: 2, open: 1, resolved: 1, recoveredCents: 25_000, quotes: ['Remboursements bloqués'] },
        },
        {
          issue: { name: 'Démarches en ligne' },
          mentions: 1,
          contacts: 1,
          quotes: [],
          cases: { cases: 0, people: 0, open: 0, resolved: 0, recoveredCents: 0, quotes: [] },
        },
      ]);
      expect(JSON.stringify(report)).not.toMatch(/Awa|Ben/);
      // topIssues shares the type: the same fields there.
      const top = (await t.ok(`query($id: ID!) { campaignProgress(campaignId: $id) { topIssues { quotes cases { cases } } } }`, { id: campaign }, o.token))
        .campaignProgress.topIssues;
      expect(top[0]).toEqual({ quotes: ['Plus personne pour mes remboursements'], cases: { cases: 2 } });

      const ally = await addMember(t, o.token, 'ALLY');
      expect(errorOf(await t.gql(REPORT, { id: campaign }, ally.token)).code).toBe('FORBIDDEN');
      // Another organisation's campaign reads like an unknown one.
      expect(errorOf(await t.gql(REPORT, { id: campaign }, token)).code).toBe('NOT_FOUND');
    });
  });

  describe('privacy', () => {
    it('export includes cases and steps; erasure clears summaries and notes, counts stay', async () => {
      const o = await registerOrganization(t, 'Privacy');
      const yasmine = await createContact(t, o.token, { firstName: 'Yasmine' });
      const c = (
        await t.ok(
          OPEN,
          { input: { contactId: yasmine, agency: 'France Travail', summary: 'Radiation contestée', nextStepAt: new Date(Date.now() + 3 * DAY).toISOString() } },
          o.token,
        )
      ).openCase;
      await t.ok(`mutation($id: ID!) { addCaseStep(caseId: $id, note: "Courrier de recours envoyé") { id } }`, { id: c.id }, o.token);
      const exported = JSON.parse((await t.ok(`mutation($id: ID!) { exportContactData(contactId: $id) }`, { id: yasmine }, o.token)).exportContactData);
      expect(exported.cases).toEqual([
        expect.objectContaining({
          agency: 'France Travail',
          summary: 'Radiation contestée',
          steps: [expect.objectContaining({ note: 'Courrier de recours envoyé' })],
        }),
      ]);

      await t.ok(`mutation($id: ID!) { eraseContact(contactId: $id) }`, { id: yasmine }, o.token);
      const { rows } = await t.db.query(`SELECT summary, agency, status FROM cases WHERE id = $1`, [c.id]);
      expect(rows).toEqual([{ summary: '', agency: 'France Travail', status: 'OPEN' }]);
      expect((await t.db.query(`SELECT note FROM case_steps WHERE case_id = $1`, [c.id])).rows).toEqual([{ note: '' }]);
      expect((await t.db.query(`SELECT status FROM reminders WHERE case_id = $1`, [c.id])).rows).toEqual([{ status: 'CANCELLED' }]);
      expect((await t.ok(`{ caseEvidence { cases } }`, undefined, o.token)).caseEvidence.cases).toBe(1);
    });
  });

  describe('the allies’ calendar feed', () => {
    it('an ALLIES series is a recurring event; a cancelled Thursday is excluded and shown cancelled, parsed back by ical.js', async () => {
      const o = await registerOrganization(t, 'Feed');
      const series = (
        await t.ok(
          SERIES,
          {
            input: {
              kind: 'PERMANENCE',
              title: 'Permanence du jeudi',
              location: 'Maison de quartier',
              rrule: 'DTSTART;TZID=Europe/Paris:20260305T140000\nRRULE:FREQ=WEEKLY;BYDAY=TH',
              startTime: '14:00',
              endTime: '16:30',
              visibility: 'ALLIES',
            },
          },
          o.token,
        )
      ).createSessionSeries;
      await t.ok(
        SERIES,
        { input: { kind: 'TEAM_MEETING', title: 'Réunion d’équipe', rrule: 'FREQ=WEEKLY;BYDAY=MO', startTime: '13:30', endTime: '15:00' } },
        o.token,
      );
      const cancelled = (
        await t.ok(`mutation($s: ID!) { cancelSession(sessionId: $s, reason: "grève") { id cancelled startsAt } }`, { s: `${series.id}_2026-03-19` }, o.token)
      ).cancelSession;
      expect(cancelled).toMatchObject({ cancelled: true, startsAt: '2026-03-19T13:00:00.000Z' });

      const { calendarFeedUrl } = await t.ok<{ calendarFeedUrl: string }>('{ calendarFeedUrl }', undefined, o.token);
      const body = await (await fetch(`${t.url}${new URL(calendarFeedUrl).pathname}`)).text();
      expect(body).not.toContain('Réunion'); // TEAM series stay out

      const calendar = new ICAL.Component(ICAL.parse(body));
      for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
      const vevents = calendar.getAllSubcomponents('vevent');
      const master = new ICAL.Event(vevents.find((e) => e.getFirstPropertyValue('uid') === `${series.id}@rapport`)!);
      expect(master.isRecurring()).toBe(true);
      expect(master.summary).toBe('Permanence du jeudi');
      const iterator = master.iterator();
      const starts: string[] = [];
      for (let next = iterator.next(); next && starts.length < 5; next = iterator.next()) starts.push(next.toJSDate().toISOString());
      expect(starts).toEqual([
        '2026-03-05T13:00:00.000Z',
        '2026-03-12T13:00:00.000Z',
        // 19 March cancelled (EXDATE)
        '2026-03-26T13:00:00.000Z',
        '2026-04-02T12:00:00.000Z', // summer time since 29 March: still 14:00 in Paris
        '2026-04-09T12:00:00.000Z',
      ]);
      const shownCancelled = vevents.find((e) => e.getFirstPropertyValue('status') === 'CANCELLED')!;
      expect(new ICAL.Event(shownCancelled).startDate.toJSDate().toISOString()).toBe('2026-03-19T13:00:00.000Z');
      expect(shownCancelled.getFirstPropertyValue('summary')).toContain('Permanence du jeudi');
    });
  });
});
