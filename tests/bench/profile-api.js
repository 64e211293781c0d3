// One api workload under the CPU profiler, e.g.
//   node tests/bench/profile-api.js relations /tmp/relations.cpuprofile
// (workloads: me, list, relations, log; BENCH_SECONDS, default 10). The api runs in
// this process, as in api.bench.js; only the workload is profiled (not the start or
// the seeding). Read the profile with `node tests/bench/top-self.js <file>`.
import './production.js';
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { startBenchApi } from './bench-server.js';
import { throughput } from './bare-apollo.js';

const [workload = 'me', out] = process.argv.slice(2);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const { url, gql, stop } = await startBenchApi({ prefix: 'profile', poolSize: 2 });
try {
  const reg = await gql(
    `mutation { registerOrganization(input: { organizationName: "P", email: "p@p.example", password: "profile-password-123", displayName: "P" }) { token organization { id } user { id } } }`,
  );
  const token = reg.registerOrganization.token;
  const campaignId = (await gql(`mutation { createCampaign(input: { name: "P", startedAt: "2024-01-01T00:00:00Z" }) { id } }`, {}, token)).createCampaign.id;
  let logged = 0;
  const logInput = () => ({
    clientId: `p-${++logged}`,
    kind: 'DOOR_KNOCK',
    outcome: 'TALKED',
    campaignId,
    newContact: { firstName: `P${logged}` },
    issues: [{ name: `Problème ${logged % 12}`, intensity: 4 }],
  });
  const log = `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`;
  if (workload === 'relations' || workload === 'ratio') for (let i = 0; i < 100; i++) await gql(log, { input: logInput() }, token);
  const bodies = {
    me: () => ({ query: '{ me { id } }' }),
    list: () => ({ query: `query($c: ID) { conversations(campaignId: $c, first: 100) { id kind outcome occurredAt } }`, variables: { c: campaignId } }),
    relations: () => ({
      query: `query($c: ID) { conversations(campaignId: $c, first: 100) { id kind outcome occurredAt ${process.env.PROFILE_FIELDS ?? 'contact { id firstName } organiser { id displayName } issues { intensity issue { id name } }'} } }`,
      variables: { c: campaignId },
    }),
    log: () => ({ query: log, variables: { input: logInput() } }),
  };
  if (workload === 'ratio') {
    // The relations ratio alone: the list and the list with relations, in turns, p50 of each.
    const ms = { list: [], relations: [] };
    const cpu = { list: [], relations: [] };
    const post = (body) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then((r) =>
        r.json(),
      );
    for (let i = 0; i < 5; i++) await Promise.all([post(bodies.list()), post(bodies.relations())]);
    for (let i = 0; i < Number(process.env.BENCH_RUNS || 100); i++)
      for (const name of ['list', 'relations']) {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        const body = await post(bodies[name]());
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        ms[name].push(performance.now() - start);
        const used = process.cpuUsage(cpuStart);
        cpu[name].push((used.user + used.system) / 1000);
      }
    const p50 = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    console.log(`list ${p50(ms.list).toFixed(1)} ms, relations ${p50(ms.relations).toFixed(1)} ms: ${(p50(ms.relations) / p50(ms.list)).toFixed(2)}×`);
    console.log(`CPU of this process (client and api): list ${p50(cpu.list).toFixed(2)} ms, relations ${p50(cpu.relations).toFixed(2)} ms`);
  } else {
    const session = new Session();
    if (out) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const r = await throughput(url, bodies[workload], {
      token,
      seconds: SECONDS,
      clients: Number(process.env.PROFILE_CLIENTS || (workload === 'relations' ? 1 : 16)),
    });
    if (out) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(out, JSON.stringify(profile));
    }
    console.log(`${workload}: ${r.perSecond.toFixed(0)}/s, ${r.errors} errors`);
  }
} finally {
  await stop();
}
