import { randomUUID } from 'node:crypto';
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';

// Decision-makers, demands and conversations are written with SQL here, so these
// tests depend only on the negotiations and commitments contexts.

type Org = Awaited<ReturnType<typeof registerOrganization>>;

describe('negotiations and the brief', () => {
  let t: TestApp;
  let org: Org;
  let other: Org;
  let campaignId: string;
  let otherCampaignId: string;
  let foreignCampaignId: string;
  let dmA: string;
  let dmB: string;
  let foreignDm: string;

  const createCampaign = async (o: Org, name: string) =>
    (await t.ok<{ createCampaign: { id: string } }>(`mutation($n: String!) { createCampaign(input: { name: $n }) { id } }`, { n: name }, o.token))
      .createCampaign.id;
  const createContact = async (o: Org, firstName: string, consentGivenAt: string | null = null) =>
    (
      await t.ok<{ createContact: { id: string } }>(
        `mutation($input: ContactInput!) { createContact(input: $input) { id } }`,
        { input: { firstName, consentGivenAt } },
        o.token,
      )
    ).createContact.id;
  const insert = async (sql: string, params: unknown[]) => (await t.db.query(sql, params)).rows[0]?.id as string;
  const decisionMaker = (o: Org, name: string) =>
    insert(`INSERT INTO decision_makers (organization_id, name) VALUES ($1, $2) RETURNING id`, [o.organization.id, name]);
  const demand = (o: Org, campaign: string, title: string) =>
    insert(`INSERT INTO demands (organization_id, campaign_id, title) VALUES ($1, $2, $3) RETURNING id`, [o.organization.id, campaign, title]);
  const plan = async (decisionMakerIds: string[], scheduledAt = '2030-03-01T10:00:00Z', campaign = campaignId) =>
    (
      await t.ok<{ planNegotiation: { id: string } }>(
        `mutation($input: NegotiationInput!) { planNegotiation(input: $input) { id } }`,
        { input: { campaignId: campaign, decisionMakerIds, scheduledAt } },
        org.token,
      )
    ).planNegotiation.id;
  const countNegotiations = async (o: Org) =>
    Number((await t.db.query(`SELECT count(*) FROM negotiations WHERE organization_id = $1`, [o.organization.id])).rows[0].count);
  const countSeats = async () =>
    Number((await t.db.query(`SELECT count(*) FROM negotiation_decision_makers WHERE organization_id = $1`, [org.organization.id])).rows[0].count);
  const briefRow = async (id: string) => (await t.db.query(`SELECT * FROM negotiations WHERE id = $1`, [id])).rows[0];

  const UPDATE_BRIEF = `mutation($id: ID!, $input: BriefInput!) {
    updateBrief(negotiationId: $id, input: $input) {
      objective ourLeverage theirInterests fallback ifNoAgreement
      demands { id title } arguments { kind text } roles { role contact { id firstName } }
    } }`;

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Alliance Citoyenne');
    other = await registerOrganization(t, 'Someone else');
    campaignId = await createCampaign(org, 'CPAM Villejean');
    otherCampaignId = await createCampaign(org, 'Écoles');
    foreignCampaignId = await createCampaign(other, 'Foreign');
    dmA = await decisionMaker(org, 'Zoé Directrice');
    dmB = await decisionMaker(org, 'Albert Maire');
    foreignDm = await decisionMaker(other, 'Foreign DM');
  });
  afterAll(() => t.close());

  describe('planNegotiation', () => {
    it('plans a meeting with the decision-makers at the table, listed under the campaign by date', async () => {
      const later = await plan([dmA, dmB, dmA], '2030-06-01T10:00:00Z');
      const sooner = await plan([dmB], '2030-01-15T10:00:00Z');
      const data = await t.ok(
        `query($id: ID!) {
          negotiationBrief(negotiationId: $id) { negotiation { id status report scheduledAt campaign { id } decisionMakers { id name } commitments { id } } }
          campaign(id: "${campaignId}") { negotiations { id } } }`,
        { id: later },
        org.token,
      );
      expect(data.negotiationBrief.negotiation).toEqual({
        id: later,
        status: 'PLANNED',
        report: null,
        scheduledAt: '2030-06-01T10:00:00.000Z',
        campaign: { id: campaignId },
        decisionMakers: [
          { id: dmB, name: 'Albert Maire' },
          { id: dmA, name: 'Zoé Directrice' },
        ],
        commitments: [],
      });
      const ids = data.campaign.negotiations.map((n: { id: string }) => n.id);
      expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    });

    it('needs at least one decision-maker, and writes nothing otherwise', async () => {
      const before = await countNegotiations(org);
      const res = await t.gql(
        `mutation($input: NegotiationInput!) { planNegotiation(input: $input) { id } }`,
        { input: { campaignId, decisionMakerIds: [], scheduledAt: '2030-01-01T10:00:00Z' } },
        org.token,
      );
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain('input.decisionMakerIds');
      expect(await countNegotiations(org)).toBe(before);
    });

    it.each([
      ['a decision-maker of another organisation', () => ({ campaignId, decisionMakerIds: [dmA, foreignDm] }), 'input.decisionMakerIds'],
      ['an unknown decision-maker', () => ({ campaignId, decisionMakerIds: [randomUUID()] }), 'input.decisionMakerIds'],
      ['an id that is not a uuid', () => ({ campaignId, decisionMakerIds: ['nope'] }), 'input.decisionMakerIds'],
      ['a campaign of another organisation', () => ({ campaignId: foreignCampaignId, decisionMakerIds: [dmA] }), 'input.campaignId'],
    ])('answers NOT_FOUND for %s, writing nothing', async (_, input, field) => {
      const before = await countNegotiations(org);
      const seatsBefore = await countSeats();
      const res = await t.gql(
        `mutation($input: NegotiationInput!) { planNegotiation(input: $input) { id } }`,
        { input: { ...input(), scheduledAt: '2030-01-01T10:00:00Z' } },
        org.token,
      );
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0].message).toContain(field);
      expect(await countNegotiations(org)).toBe(before);
      expect(await countSeats()).toBe(seatsBefore);
    });

    it('is not for allies', async () => {
      const ally = await addMember(t, org.token, 'ALLY');
      const res = await t.gql(
        `mutation($input: NegotiationInput!) { planNegotiation(input: $input) { id } }`,
        { input: { campaignId, decisionMakerIds: [dmA], scheduledAt: '2030-01-01T10:00:00Z' } },
        ally.token,
      );
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('updateBrief', () => {
    let negotiationId: string;
    let spokesperson: string;
    let witness: string;
    let demand1: string;
    let demand2: string;

    beforeAll(async () => {
      negotiationId = await plan([dmA]);
      spokesperson = await createContact(org, 'Fatima');
      witness = await createContact(org, 'Jean');
      demand1 = await demand(org, campaignId, 'Rouvrir l’antenne');
      demand2 = await demand(org, campaignId, 'Un accueil sans rendez-vous');
    });

    it('sets the fields given and leaves the others as they are', async () => {
      const first = await t.ok(
        UPDATE_BRIEF,
        {
          id: negotiationId,
          input: {
            objective: '  Une date de réouverture  ',
            ourLeverage: '30 personnes mobilisées',
            demandIds: [demand2, demand1],
            arguments: [
              { kind: 'FACT', text: '12 000 habitants sans accueil' },
              { kind: 'TESTIMONY', text: 'Trois heures de bus pour un dossier' },
            ],
            roles: [
              { role: 'SPOKESPERSON', contactId: spokesperson },
              { role: 'TESTIMONY', contactId: witness },
            ],
          },
        },
        org.token,
      );
      expect(first.updateBrief).toEqual({
        objective: 'Une date de réouverture',
        ourLeverage: '30 personnes mobilisées',
        theirInterests: null,
        fallback: null,
        ifNoAgreement: null,
        demands: [
          { id: demand2, title: 'Un accueil sans rendez-vous' },
          { id: demand1, title: 'Rouvrir l’antenne' },
        ],
        arguments: [
          { kind: 'FACT', text: '12 000 habitants sans accueil' },
          { kind: 'TESTIMONY', text: 'Trois heures de bus pour un dossier' },
        ],
        roles: [
          { role: 'SPOKESPERSON', contact: { id: spokesperson, firstName: 'Fatima' } },
          { role: 'TESTIMONY', contact: { id: witness, firstName: 'Jean' } },
        ],
      });

      // A second editor only sets the fallback and clears the leverage.
      const second = await t.ok(UPDATE_BRIEF, { id: negotiationId, input: { fallback: 'Un autre local sur la dalle', ourLeverage: null } }, org.token);
      expect(second.updateBrief).toEqual({ ...first.updateBrief, fallback: 'Un autre local sur la dalle', ourLeverage: null });

      const read = await t.ok(
        `query($id: ID!) { negotiationBrief(negotiationId: $id) { objective fallback demands { id } roles { role } arguments { kind } } }`,
        { id: negotiationId },
        org.token,
      );
      expect(read.negotiationBrief).toEqual({
        objective: 'Une date de réouverture',
        fallback: 'Un autre local sur la dalle',
        demands: [{ id: demand2 }, { id: demand1 }],
        roles: [{ role: 'SPOKESPERSON' }, { role: 'TESTIMONY' }],
        arguments: [{ kind: 'FACT' }, { kind: 'TESTIMONY' }],
      });
    });

    it.each([
      ['a text over 10,000 characters', () => ({ theirInterests: 'x'.repeat(10_001) }), 'input.theirInterests'],
      ['more than 100 arguments', () => ({ arguments: Array.from({ length: 101 }, () => ({ kind: 'FACT', text: 'a' })) }), 'input.arguments'],
      [
        'an empty argument',
        () => ({
          objective: 'changed',
          arguments: [
            { kind: 'FACT', text: 'ok' },
            { kind: 'MORAL', text: '  ' },
          ],
        }),
        'input.arguments[1].text',
      ],
    ])('refuses %s with BAD_USER_INPUT naming the field, changing nothing', async (_, input, field) => {
      const before = await briefRow(negotiationId);
      const res = await t.gql(UPDATE_BRIEF, { id: negotiationId, input: input() }, org.token);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain(field);
      expect(await briefRow(negotiationId)).toEqual(before);
    });

    it.each([
      [
        'a demand of another organisation',
        async () => ({ objective: 'changed', demandIds: [demand1, await demand(other, foreignCampaignId, 'x')] }),
        'input.demandIds',
      ],
      [
        'a contact of another organisation',
        async () => ({
          roles: [
            { role: 'OBSERVER', contactId: witness },
            { role: 'OBSERVER', contactId: await createContact(other, 'X') },
          ],
        }),
        'input.roles[1].contactId',
      ],
      ['a contact id that is not a uuid', async () => ({ roles: [{ role: 'OBSERVER', contactId: '42' }] }), 'input.roles[0].contactId'],
    ])('answers NOT_FOUND for %s, changing nothing', async (_, input, field) => {
      const before = await briefRow(negotiationId);
      const res = await t.gql(UPDATE_BRIEF, { id: negotiationId, input: await input() }, org.token);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0].message).toContain(field);
      expect(await briefRow(negotiationId)).toEqual(before);
    });

    it('answers NOT_FOUND for another organisation’s negotiation', async () => {
      const res = await t.gql(UPDATE_BRIEF, { id: negotiationId, input: { objective: 'hijack' } }, other.token);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const read = await t.gql(`query($id: ID!) { negotiationBrief(negotiationId: $id) { objective } }`, { id: negotiationId }, other.token);
      expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const invalid = await t.gql(`query { negotiationBrief(negotiationId: "not-an-id") { objective } }`, {}, org.token);
      expect(invalid.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await briefRow(negotiationId)).objective).toBe('Une date de réouverture');
    });
  });

  describe('recordNegotiationReport', () => {
    it('records the report and marks the negotiation HELD', async () => {
      const id = await plan([dmB]);
      const data = await t.ok(
        `mutation($id: ID!) { recordNegotiationReport(negotiationId: $id, report: "Le directeur oppose des freins.") { id status report } }`,
        { id },
        org.token,
      );
      expect(data.recordNegotiationReport).toEqual({ id, status: 'HELD', report: 'Le directeur oppose des freins.' });
    });

    it('refuses an empty report, changing nothing', async () => {
      const id = await plan([dmB]);
      const res = await t.gql(`mutation($id: ID!) { recordNegotiationReport(negotiationId: $id, report: "   ") { id } }`, { id }, org.token);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain('report');
      expect((await briefRow(id)).status).toBe('PLANNED');
    });
  });

  describe('testimonies', () => {
    it('quotes only consented, not erased people of the campaign, most intense first', async () => {
      const campaign = await createCampaign(org, 'Testimonies');
      const consented = await createContact(org, 'Amina', '2024-01-10T10:00:00Z');
      const consented2 = await createContact(org, 'Paul', '2024-01-10T10:00:00Z');
      const noConsent = await createContact(org, 'Karim');
      const erased = await createContact(org, 'Erased', '2024-01-10T10:00:00Z');
      await t.db.query(`UPDATE contacts SET erased_at = now() WHERE id = $1`, [erased]);
      const issue = await insert(`INSERT INTO issues (organization_id, name, normalized_name) VALUES ($1, 'CPAM', 'cpam') RETURNING id`, [org.organization.id]);
      const conversation = (contact: string | null, inCampaign = campaign) =>
        insert(
          `INSERT INTO conversations (organization_id, kind, outcome, occurred_at, campaign_id, contact_id, organiser_id)
           VALUES ($1, 'DOOR_KNOCK', 'TALKED', now(), $2, $3, $4) RETURNING id`,
          [org.organization.id, inCampaign, contact, org.user.id],
        );
      const raise = async (conv: string, intensity: number, quote: string | null) =>
        insert(`INSERT INTO raised_issues (organization_id, conversation_id, issue_id, intensity, quote) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
          org.organization.id,
          conv,
          issue,
          intensity,
          quote,
        ]);
      await raise(await conversation(consented), 3, 'On attend des heures');
      await raise(await conversation(consented2), 5, 'Je n’ai plus de droits depuis six mois');
      await raise(await conversation(consented2), 4, '   ');
      await raise(await conversation(consented), 2, null);
      await raise(await conversation(noConsent), 5, 'Pas consenti');
      await raise(await conversation(erased), 5, 'Effacé');
      await raise(await conversation(null), 5, 'Personne inconnue');
      await raise(await conversation(consented, otherCampaignId), 5, 'Autre campagne');

      const id = await plan([dmA], '2030-01-01T10:00:00Z', campaign);
      const data = await t.ok(`query($id: ID!) { negotiationBrief(negotiationId: $id) { testimonies { intensity quote } } }`, { id }, org.token);
      expect(data.negotiationBrief.testimonies).toEqual([
        { intensity: 5, quote: 'Je n’ai plus de droits depuis six mois' },
        { intensity: 3, quote: 'On attend des heures' },
      ]);
    });
  });

  describe('decisionMakerHistory', () => {
    it('lists every commitment of the decision-makers at the table, in any campaign, newest first', async () => {
      const dmC = await decisionMaker(org, 'Not at the table');
      const contact = await createContact(org, 'Member');
      const commitment = (dm: string | null, c: string | null, campaign: string, createdAt: string, dueAt: string, status = 'OPEN') =>
        insert(
          `INSERT INTO commitments (organization_id, campaign_id, decision_maker_id, contact_id, description, due_at, remind_at, status, created_at)
           VALUES ($1, $2, $3, $4, 'promise', $5, $5, $6, $7) RETURNING id`,
          [org.organization.id, campaign, dm, c, dueAt, status, createdAt],
        );
      const oldest = await commitment(dmA, null, otherCampaignId, '2016-05-01T10:00:00Z', '2016-12-31T10:00:00Z', 'BROKEN');
      const sameDayEarlierDue = await commitment(dmB, null, campaignId, '2020-06-15T10:00:00Z', '2021-01-31T10:00:00Z', 'KEPT');
      const sameDayLaterDue = await commitment(dmA, null, otherCampaignId, '2020-06-15T10:00:00Z', '2021-06-30T10:00:00Z');
      await commitment(dmC, null, campaignId, '2024-01-01T10:00:00Z', '2024-06-30T10:00:00Z');
      await commitment(null, contact, campaignId, '2024-01-01T10:00:00Z', '2024-06-30T10:00:00Z');

      const id = await plan([dmA, dmB]);
      const data = await t.ok(
        `query($id: ID!) { negotiationBrief(negotiationId: $id) { decisionMakerHistory { id status decisionMaker { id } campaign { id } } } }`,
        { id },
        org.token,
      );
      expect(data.negotiationBrief.decisionMakerHistory.map((c: { id: string }) => c.id)).toEqual([sameDayLaterDue, sameDayEarlierDue, oldest]);
      expect(data.negotiationBrief.decisionMakerHistory[2]).toEqual({
        id: oldest,
        status: 'BROKEN',
        decisionMaker: { id: dmA },
        campaign: { id: otherCampaignId },
      });
    });
  });

  it('lists a campaign’s negotiations with their relations in a fixed number of statements', async () => {
    const campaign = await createCampaign(org, 'Many meetings');
    const contact = await createContact(org, 'Role');
    for (let i = 0; i < 12; i++) {
      const id = await plan([dmA, dmB], `2031-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`, campaign);
      await t.ok(
        `mutation($id: ID!, $c: ID!) { updateBrief(negotiationId: $id, input: { roles: [{ role: OBSERVER, contactId: $c }] }) { objective } }`,
        { id, c: contact },
        org.token,
      );
    }
    const { result, statements } = await t.sql.count(() =>
      t.ok(
        `query($id: ID!) { campaign(id: $id) { negotiations { id campaign { id } decisionMakers { id } commitments { id } } } }`,
        { id: campaign },
        org.token,
      ),
    );
    expect(result.campaign.negotiations).toHaveLength(12);
    expect(result.campaign.negotiations[0].decisionMakers).toHaveLength(2);
    expect(statements.length).toBeLessThanOrEqual(7);
  });
});
