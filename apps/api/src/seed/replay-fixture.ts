// Turns a campaign told as data (../shared/fixtures/villejean-cpam.json) into
// records, through the GraphQL API itself: the demo seed and the integration
// test both use it, so the demo is exactly what the API would have recorded.
// The fixture gives counts ("60 door knocks, 34 talked"); the residents, their
// issues and words are made up here, deterministically, so tests can check
// every figure by hand (see the comments: they are the expected numbers).

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<T>;

export interface FixtureAccount {
  email: string;
  password: string;
  displayName: string;
}

type TimelineEntry = { date: string; type: string; [key: string]: any };
export interface CampaignFixture {
  organization: { name: string; locale: string; timezone: string };
  campaign: { name: string; goal: string; startedAt: string };
  decisionMakers: Array<{ key: string; name: string; title: string; institution: string; power: number; stance: number }>;
  issues: string[];
  timeline: TimelineEntry[];
}

export interface ReplayResult {
  token: string;
  organizationId: string;
  campaignId: string;
  contactIds: string[];
  negotiationIds: string[];
  demandIds: string[];
  winIds: string[];
  actionIds: string[];
  decisionMakerIds: Record<string, string>;
}

const FIRST_NAMES = [
  'Awa',
  'Karim',
  'Lina',
  'Mamadou',
  'Yasmine',
  'Jeanne',
  'Nour',
  'Hugo',
  'Fatou',
  'Bernard',
  'Inès',
  'Ali',
  'Monique',
  'Samir',
  'Chloé',
  'Moussa',
  'Sofia',
];
const LAST_NAMES = ['Diallo', 'Le Goff', 'Benali', 'Traoré', 'Morvan', 'Haddad', 'Le Bihan', 'Kone', 'Guillou', 'Nguyen', 'Rault', 'Cissé'];
const QUOTES = [
  "Depuis qu'ils ont fermé, je ne vois plus personne pour mes remboursements.",
  'On nous dit de tout faire sur internet, mais je n’ai pas d’ordinateur.',
  'Deux heures debout à la Gare, avec ma hanche, ce n’est pas possible.',
  'Ma mère a renoncé à ses droits, c’était trop compliqué.',
  'Avant, on avait un accueil ici, dans le quartier.',
  'J’ai perdu trois mois de remboursements à cause d’un papier.',
];

/** Date-only entries happen at 10:00 UTC that day; full timestamps are kept as they are. */
const at = (date: string, minutes = 0) => new Date(new Date(date.includes('T') ? date : `${date}T10:00:00Z`).getTime() + minutes * 60_000).toISOString();

export async function replayFixture(
  gql: Gql,
  fixture: CampaignFixture,
  organiser: FixtureAccount,
  others: Array<FixtureAccount & { role: string }> = [],
): Promise<ReplayResult> {
  const reg = await gql(`mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { token organization { id } } }`, {
    input: {
      organizationName: fixture.organization.name,
      locale: fixture.organization.locale,
      email: organiser.email,
      password: organiser.password,
      displayName: organiser.displayName,
    },
  });
  const token: string = reg.registerOrganization.token;
  const q: Gql = (query, variables) => gql(query, variables, token);
  for (const m of others) {
    await q(`mutation($e: String!, $d: String!, $r: Role!, $p: String!) { addMember(email: $e, displayName: $d, role: $r, password: $p) { id } }`, {
      e: m.email,
      d: m.displayName,
      r: m.role,
      p: m.password,
    });
  }

  const campaign = await q(`mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`, {
    input: { ...fixture.campaign, startedAt: at(fixture.campaign.startedAt) },
  });
  const campaignId: string = campaign.createCampaign.id;

  const decisionMakerIds: Record<string, string> = {};
  for (const dm of fixture.decisionMakers) {
    const { key, ...input } = dm;
    decisionMakerIds[key] = (await q(`mutation($input: DecisionMakerInput!) { createDecisionMaker(input: $input) { id } }`, { input })).createDecisionMaker.id;
  }

  const result: ReplayResult = {
    token,
    organizationId: reg.registerOrganization.organization.id,
    campaignId,
    contactIds: [],
    negotiationIds: [],
    demandIds: [],
    winIds: [],
    actionIds: [],
    decisionMakerIds,
  };
  const issues = fixture.issues;
  const winByTitle = new Map<string, string>();
  const LOG = `mutation($input: LogConversationInput!) { logConversation(input: $input) { id contact { id } } }`;

  for (const entry of fixture.timeline) {
    switch (entry.type) {
      case 'stage':
        // The first entry (LISTENING at startedAt) is written by createCampaign.
        if (entry.stage === 'LISTENING') break;
        await q(
          `mutation($c: ID!, $s: CampaignStage!, $n: String, $at: DateTime) { advanceCampaign(campaignId: $c, stage: $s, note: $n, enteredAt: $at) { id } }`,
          { c: campaignId, s: entry.stage, n: entry.note ?? null, at: at(entry.date) },
        );
        break;

      case 'doorKnocks': {
        // TALKED door i (0..33) raises issue[i % 4] (intensity 5, 3, 4, 2 for issues 0..3);
        // doors with i % 4 == 2 also raise issue 0 (intensity 4). Expected tally:
        // issue 0: 17 mentions, 17 contacts, average (9×5 + 8×4)/17 = 4.53; issue 1: 9, 3.0;
        // issue 2: 8, 4.0; issue 3: 8, 2.0. Even doors gave consent; doors 0,2,…,10 a quote (6 testimonies).
        const outcomes: string[] = [];
        for (const [outcome, n] of Object.entries(entry.outcomes as Record<string, number>)) for (let k = 0; k < n; k++) outcomes.push(outcome);
        let talked = 0;
        for (let door = 0; door < entry.count; door++) {
          const outcome = outcomes[door];
          const input: Record<string, unknown> = {
            clientId: `fixture-door-${door}`,
            kind: 'DOOR_KNOCK',
            outcome,
            campaignId,
            occurredAt: at(entry.date, door * 3),
            street: 'Dalle Kennedy',
            building: String.fromCharCode(65 + (door % 6)),
            door: String(10 + door),
          };
          if (outcome === 'TALKED') {
            const i = talked++;
            const primary = i % 4;
            const raised = [{ name: issues[primary], intensity: [5, 3, 4, 2][primary], quote: i % 2 === 0 && i <= 10 ? QUOTES[i / 2] : null }];
            if (primary === 2) raised.push({ name: issues[0], intensity: 4, quote: null });
            input.issues = raised;
            input.newContact = {
              firstName: FIRST_NAMES[i % FIRST_NAMES.length],
              lastName: LAST_NAMES[i % LAST_NAMES.length],
              phone: `06 00 00 ${String(10 + Math.floor(i / 10)).padStart(2, '0')} ${String(i).padStart(2, '0')}`,
              street: 'Dalle Kennedy',
              city: 'Rennes',
              postalCode: '35000',
              neighbourhood: 'Villejean',
              allyRoles: ['AFFECTED'],
              consentGivenAt: i % 2 === 0 ? at(entry.date, door * 3) : null,
            };
            input.interestLevel = 1 + (i % 5);
          }
          const logged = await q(LOG, { input });
          if (logged.logConversation.contact) result.contactIds.push(logged.logConversation.contact.id);
        }
        break;
      }

      case 'oneToOnes':
        // One-to-ones with the first people met at the doors; the first `leaders` show leadership potential.
        for (let k = 0; k < entry.count; k++) {
          await q(LOG, {
            input: {
              clientId: `fixture-one-to-one-${k}`,
              kind: 'ONE_TO_ONE',
              outcome: 'TALKED',
              campaignId,
              contactId: result.contactIds[k],
              occurredAt: at(entry.date, k * 60),
              selfInterest: 'Retrouver un accueil humain près de chez soi',
              interestLevel: 5,
              leadershipPotential: k < entry.leaders,
            },
          });
        }
        break;

      case 'demand': {
        const demand = await q(`mutation($input: DemandInput!) { createDemand(input: $input) { id } }`, {
          input: { campaignId, title: entry.title, targetId: decisionMakerIds[entry.target], deadline: null },
        });
        result.demandIds.push(demand.createDemand.id);
        break;
      }

      case 'negotiation': {
        const planned = await q(`mutation($input: NegotiationInput!) { planNegotiation(input: $input) { id } }`, {
          input: { campaignId, decisionMakerIds: entry.with.map((k: string) => decisionMakerIds[k]), scheduledAt: at(entry.date) },
        });
        const id = planned.planNegotiation.id;
        result.negotiationIds.push(id);
        if (entry.brief)
          await q(`mutation($id: ID!, $input: BriefInput!) { updateBrief(negotiationId: $id, input: $input) { objective } }`, {
            id,
            input: { ...entry.brief, demandIds: result.demandIds },
          });
        if (result.demandIds.length) await q(`mutation($id: ID!) { setDemandStatus(id: $id, status: PRESENTED) { id } }`, { id: result.demandIds[0] });
        if (entry.report)
          await q(`mutation($id: ID!, $r: String!) { recordNegotiationReport(negotiationId: $id, report: $r) { id } }`, { id, r: entry.report });
        break;
      }

      case 'decisionMakerCommitment': {
        const recorded = await q(`mutation($input: CommitmentInput!) { recordCommitment(input: $input) { id } }`, {
          input: {
            campaignId,
            decisionMakerId: decisionMakerIds[entry.by],
            negotiationId: result.negotiationIds.at(-1) ?? null,
            description: entry.description,
            dueAt: at(entry.dueAt),
          },
        });
        if (entry.finalStatus && entry.finalStatus !== 'OPEN') {
          await q(`mutation($id: ID!, $s: CommitmentStatus!) { resolveCommitment(id: $id, status: $s) { id } }`, {
            id: recorded.recordCommitment.id,
            s: entry.finalStatus,
          });
        }
        break;
      }

      case 'action': {
        const scheduled = await q(`mutation($input: ActionInput!) { scheduleAction(input: $input) { id } }`, {
          input: {
            campaignId,
            title: entry.title,
            kind: entry.kind,
            startsAt: at(entry.date),
            location: entry.kind === 'CELEBRATION' ? 'Dalle Kennedy, Villejean' : 'Rennes',
            targetId: entry.target ? decisionMakerIds[entry.target] : null,
            turnoutGoal: entry.turnoutGoal ?? null,
            visibility: entry.visibility ?? 'TEAM',
          },
        });
        const actionId = scheduled.scheduleAction.id;
        result.actionIds.push(actionId);
        // committed people who came are ATTENDED, the others NO_SHOW (both count as committed).
        for (let k = 0; k < (entry.committed ?? 0) && k < result.contactIds.length; k++) {
          await q(`mutation($a: ID!, $c: ID!, $s: ParticipationStatus!) { setParticipation(actionId: $a, contactId: $c, status: $s) { status } }`, {
            a: actionId,
            c: result.contactIds[k],
            s: k < entry.attended ? 'ATTENDED' : 'NO_SHOW',
          });
        }
        if (entry.outcome)
          await q(`mutation($a: ID!, $o: String!) { recordActionOutcome(actionId: $a, outcome: $o) { id } }`, { a: actionId, o: entry.outcome });
        if (entry.celebrates && winByTitle.has(entry.celebrates)) {
          await q(`mutation($w: ID!, $a: ID) { markWinCelebrated(id: $w, celebrationActionId: $a) { id } }`, {
            w: winByTitle.get(entry.celebrates),
            a: actionId,
          });
        }
        break;
      }

      case 'win': {
        const demandId = entry.size === 'MAJOR' ? (result.demandIds[0] ?? null) : null;
        const win = await q(`mutation($input: WinInput!) { recordWin(input: $input) { id } }`, {
          input: { campaignId, title: entry.title, wonAt: at(entry.date), size: entry.size, demandId },
        });
        if (demandId) await q(`mutation($id: ID!) { setDemandStatus(id: $id, status: WON) { id } }`, { id: demandId });
        winByTitle.set(entry.title, win.recordWin.id);
        result.winIds.push(win.recordWin.id);
        break;
      }

      default:
        // "event" entries are context for people, not records.
        break;
    }
  }
  return result;
}
