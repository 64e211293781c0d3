// API benchmark: a campaign of 100,000 conversations generated straight in SQL,
// then p50/p95 of campaignProgress, listeningReport and contacts(search:) through
// the API next to the same figures computed in plain SQL on the same database
// (the ratio is the figure that matters), and logConversation throughput with 16
// concurrent clients. Run with `npm run bench` (builds first).
import {
  CONVERSATION_FIGURES,
  LEADERS_IDENTIFIED,
  ISSUE_TALLY,
  DEMANDS_BY_STATUS,
  COMMITMENTS_BY_STATUS,
  OVERDUE_FOLLOW_UPS,
  CONVERSATIONS_PER_WEEK,
} from '@rapport/dashboard';
import { startBareApollo, paired } from './bare-apollo.js';
import { startBenchApi } from './bench-server.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS || 100_000);
const CONTACTS = Math.round(CONVERSATIONS / 5);
const RUNS = Number(process.env.BENCH_RUNS || 40);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
/** p50/p95 of `a` and of `b`, called in turns (a, b, a, b…) so that both see the same load. */
async function timedPair(runs, a, b) {
  for (let i = 0; i < 3; i++) await Promise.all([a(), b()]); // warm caches and plans
  const ms = { a: [], b: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of [
      ['a', a],
      ['b', b],
    ]) {
      const start = performance.now();
      await fn();
      ms[name].push(performance.now() - start);
    }
  }
  const stats = (values) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
  return { a: stats(ms.a), b: stats(ms.b) };
}
async function timed(runs, fn) {
  for (let i = 0; i < 3; i++) await fn(); // warm caches and plans
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export async function benchApi(log = console.log) {
  const { url, gql, pool, stop } = await startBenchApi({ prefix: 'bench' });
  try {
    const reg = await gql(
      `mutation { registerOrganization(input: { organizationName: "Bench", email: "bench@bench.example", password: "bench-password-123", displayName: "Bench" }) { token organization { id } user { id } } }`,
    );
    const token = reg.registerOrganization.token;
    const org = reg.registerOrganization.organization.id;
    const user = reg.registerOrganization.user.id;
    const campaignId = (await gql(`mutation { createCampaign(input: { name: "Bench", startedAt: "2024-01-01T00:00:00Z" }) { id } }`, {}, token)).createCampaign
      .id;

    log(`generating ${CONTACTS} contacts and ${CONVERSATIONS} conversations in SQL…`);
    const t0 = performance.now();
    await pool.query(
      `INSERT INTO contacts (organization_id, first_name, last_name, phone, search_text, sort_key, is_leader)
      SELECT $1, 'Prénom' || g, 'Dupont' || (g % 997), '+3361' || lpad(g::text, 7, '0'),
             lower('prenom' || g || ' dupont' || (g % 997) || ' +3361' || lpad(g::text, 7, '0')), lower('dupont' || (g % 997) || ' prenom' || g), g % 50 = 0
        FROM generate_series(1, $2) g`,
      [org, CONTACTS],
    );
    await pool.query(
      `INSERT INTO issues (organization_id, name, normalized_name) SELECT $1, 'Problème ' || g, 'probleme ' || g FROM generate_series(1, 12) g`,
      [org],
    );
    // In chunks of 10,000, each its own transaction, as real writes come: the counter triggers
    // update the same few rows for every conversation, and within one transaction each update
    // must walk all the versions that transaction left of the row (a million in one statement
    // would take hours, quadratically; 10,000 at a time, about a minute).
    const CHUNK = 10_000;
    for (let from = 1; from <= CONVERSATIONS; from += CHUNK) {
      await pool.query(
        `WITH k AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM contacts WHERE organization_id = $1)
        INSERT INTO conversations (organization_id, kind, outcome, occurred_at, campaign_id, contact_id, organiser_id, leadership_potential)
        SELECT $1, (ARRAY['DOOR_KNOCK','DOOR_KNOCK','DOOR_KNOCK','ONE_TO_ONE','PHONE','DROP_IN'])[1 + g % 6],
               (ARRAY['TALKED','TALKED','NOT_HOME','REFUSED','MOVED'])[1 + g % 5],
               timestamptz '2024-01-01' + (g % 700) * interval '1 day' + (g % 600) * interval '1 minute',
               $2, k.id, $3, g % 97 = 0
          FROM generate_series($4::int, $6::int) g JOIN k ON k.n = 1 + g % $5`,
        [org, campaignId, user, from, CONTACTS, Math.min(CONVERSATIONS, from + CHUNK - 1)],
      );
    }
    for (let last = '00000000-0000-0000-0000-000000000000'; ;) {
      const { rows } = await pool.query(
        `WITH i AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM issues WHERE organization_id = $1),
              c AS (SELECT id FROM conversations WHERE organization_id = $1 AND outcome = 'TALKED' AND id > $2 ORDER BY id LIMIT ${CHUNK})
        INSERT INTO raised_issues (organization_id, conversation_id, issue_id, intensity)
        SELECT $1, c.id, i.id, 1 + (abs(hashtext(c.id::text)) % 5)
          FROM c JOIN i ON i.n = abs(hashtext(c.id::text)) % 12
        RETURNING conversation_id`,
        [org, last],
      );
      if (!rows.length) break;
      last = rows.reduce((max, r) => (r.conversation_id > max ? r.conversation_id : max), last);
    }
    await pool.query('ANALYZE');
    log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const args = [org, campaignId];
    const plainProgress = () =>
      Promise.all([
        pool.query(CONVERSATION_FIGURES, args),
        pool.query(LEADERS_IDENTIFIED, args),
        pool.query(ISSUE_TALLY + ' LIMIT 5', args),
        pool.query(DEMANDS_BY_STATUS, args),
        pool.query(COMMITMENTS_BY_STATUS, args),
        pool.query(OVERDUE_FOLLOW_UPS, args),
        pool.query(CONVERSATIONS_PER_WEEK, [...args, 'Europe/Paris']),
      ]);
    const rows = [];
    const compare = async (name, api, plain) => {
      const a = await timed(RUNS, api);
      const s = await timed(RUNS, plain);
      rows.push({ name, apiP50: a.p50, apiP95: a.p95, sqlP50: s.p50, sqlP95: s.p95, ratio: a.p50 / s.p50 });
    };
    const progress = () =>
      gql(
        `query($id: ID!) { campaignProgress(campaignId: $id) { stage daysInStage doorsKnocked conversationsHeld oneToOnes contactsReached leadersIdentified topIssues { issue { name } mentions contacts averageIntensity } demandsByStatus { status count } commitmentsByStatus { status count } decisionMakerCommitmentsByStatus { status count } overdueFollowUps conversationsPerWeek { weekStart count } } }`,
        { id: campaignId },
        token,
      );
    await compare('campaignProgress', progress, plainProgress);
    // The issue's yardstick for the dashboard: its p50 next to `{ me { id } }`'s, one client,
    // in turns — a ratio that must stay the same at 10,000 and at 1,000,000 conversations.
    const progressVsMe = await timedPair(RUNS, () => gql('{ me { id } }', {}, token), progress);
    await compare(
      'listeningReport',
      () => gql(`query($id: ID!) { listeningReport(campaignId: $id) { issue { name } mentions contacts averageIntensity } }`, { id: campaignId }, token),
      () => pool.query(ISSUE_TALLY, args),
    );
    await compare(
      'contacts(search:)',
      () => gql(`{ contacts(filter: { search: "dupont99" }, first: 50) { totalCount edges { node { id firstName lastName phone } } } }`, {}, token),
      () =>
        Promise.all([
          pool.query(`SELECT count(*) FROM contacts WHERE organization_id = $1 AND erased_at IS NULL AND search_text LIKE $2`, [org, '%dupont99%']),
          pool.query(
            `SELECT id, first_name, last_name, phone FROM contacts WHERE organization_id = $1 AND erased_at IS NULL AND search_text LIKE $2 ORDER BY sort_key, id LIMIT 51`,
            [org, '%dupont99%'],
          ),
        ]),
    );

    // The framework floor and writes, as ratios to a bare Apollo Server + Express in this
    // same process: 16 clients each sending one request after the other.
    const SECONDS = Number(process.env.BENCH_SECONDS || 5);
    const bare = await startBareApollo();
    let logged = 0;
    const anchor = {};
    const meBody = () => ({ query: '{ me { id } }' });
    const logBody = () => ({
      query: `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`,
      variables: {
        input: {
          clientId: `bench-${++logged}`,
          kind: 'DOOR_KNOCK',
          outcome: 'TALKED',
          campaignId,
          newContact: { firstName: `Bench${logged}` },
          issues: [{ name: 'Problème 3', intensity: 4 }],
        },
      },
    });
    try {
      // Each pair in turns (bare, Rapport, bare, Rapport…): both see the same load.
      [anchor.bareMe, anchor.me] = await paired({ url: bare.url, body: meBody }, { url, body: meBody, token }, { seconds: SECONDS });
      [anchor.bareWrite, anchor.logConversation] = await paired(
        { url: bare.url, body: () => ({ query: 'mutation($id: ID!) { log(id: $id) { id } }', variables: { id: String(++logged) } }) },
        { url, body: logBody, token },
        { seconds: SECONDS },
      );
    } finally {
      await bare.stop();
    }

    // Relations: 100 conversations with their contact, organiser and issues (per-request
    // DataLoaders), next to the same 100 alone; timed in turns, p50 of each.
    const list = `query($c: ID) { conversations(campaignId: $c, first: 100) { id kind outcome occurredAt } }`;
    const withRelations = `query($c: ID) { conversations(campaignId: $c, first: 100) { id kind outcome occurredAt contact { id firstName } organiser { id displayName } issues { intensity issue { id name } } } }`;
    const relations = await timedPair(
      RUNS,
      () => gql(list, { c: campaignId }, token),
      () => gql(withRelations, { c: campaignId }, token),
    );
    const throughputRatio = anchor.logConversation.perSecond / anchor.bareWrite.perSecond;
    const relationsRatio = relations.b.p50 / relations.a.p50;
    const meRatio = anchor.me.perSecond / anchor.bareMe.perSecond;
    const progressToMe = progressVsMe.b.p50 / progressVsMe.a.p50;
    const throughput_ = anchor.logConversation.perSecond;

    log(`\nAPI vs plain SQL on ${CONVERSATIONS.toLocaleString('en')} conversations (${RUNS} runs each, ms)`);
    log('operation            api p50  api p95  sql p50  sql p95  ratio p50');
    for (const r of rows)
      log(
        `${r.name.padEnd(20)} ${r.apiP50.toFixed(1).padStart(7)}  ${r.apiP95.toFixed(1).padStart(7)}  ${r.sqlP50.toFixed(1).padStart(7)}  ${r.sqlP95.toFixed(1).padStart(7)}  ${r.ratio.toFixed(2).padStart(8)}`,
      );
    log(
      `\ncampaignProgress p50 ${progressVsMe.b.p50.toFixed(1)} ms, { me { id } } p50 ${progressVsMe.a.p50.toFixed(1)} ms (one client, in turns)  ${progressToMe.toFixed(2)}× me`,
    );
    log(`\nAt 16 concurrent clients, ${SECONDS} s each (requests per second; errors)`);
    log(`bare Apollo + Express { me { id } }   ${anchor.bareMe.perSecond.toFixed(0).padStart(6)}  (${anchor.bareMe.errors})`);
    log(`Rapport { me { id } }                 ${anchor.me.perSecond.toFixed(0).padStart(6)}  (${anchor.me.errors})  ${meRatio.toFixed(2)}× bare`);
    log(`bare Apollo + Express, one mutation   ${anchor.bareWrite.perSecond.toFixed(0).padStart(6)}  (${anchor.bareWrite.errors})`);
    log(`Rapport logConversation               ${throughput_.toFixed(0).padStart(6)}  (${anchor.logConversation.errors})  ${throughputRatio.toFixed(2)}× bare`);
    log(
      `\n100 conversations, p50: ${relations.a.p50.toFixed(1)} ms alone, ${relations.b.p50.toFixed(1)} ms with contact, organiser and issues  ${relationsRatio.toFixed(2)}× the bare list`,
    );
    return {
      conversations: CONVERSATIONS,
      rows,
      anchor,
      meRatio,
      progressVsMe,
      progressToMe,
      logConversationRatio: throughputRatio,
      logConversationPerSecond: throughput_,
      relations,
      relationsRatio,
    };
  } finally {
    await stop();
  }
}
