// Imports benchmark: a 50,000-row CSV (French headers, ';', Windows-1252, as French Excel
// saves it) uploaded to the real api, analysed, then imported by a real worker process
// (apps/worker) into real PostgreSQL, timed from runImport to DONE; meanwhile the api's
// latency on a small query is sampled, and the worker's peak memory is read.
//
// Run it from the repository root (no build needed for the api; the worker runs from its sources):
//   node --import ./tests/src/support/reminders-ts-loader.mjs tests/bench/imports.bench.ts
// Options: --rows 50000. Writes test-results/bench-imports.json. Target: under 60 s on 2 cores.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { startLocalPostgres, startLocalRedis } from '@rapport/local-services';
import { runMigrations } from '@rapport/platform';
import { createApi } from '@rapport/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '50000' } } });
const ROWS = Number(args.rows);
const say = (line: string) => console.log(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function csv(rows: number): Buffer {
  const lines = ['Prénom;NOM;Tél.;Courriel;Adresse;CP;Ville;Quartier;Étiquettes'];
  for (let i = 0; i < rows; i++) {
    const bad = i % 1000 === 999; // one wrong phone in a thousand: errors cost something too
    lines.push(
      `Hélène${i};Lefèvre${i};${bad ? '12 34' : `06${String(10_000_000 + i).slice(-8)}`};personne${i}@example.fr;${i} rue de Bourgogne;35000;Rennes;Villejean;locataires, import`,
    );
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252');
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-imports-'));
  say(`${ROWS} rows; ${cpus().length} CPU(s), load ${loadavg()[0].toFixed(2)}; data in ${dir}`);
  const [postgres, redis] = await Promise.all([startLocalPostgres({ dataDir: join(dir, 'pg') }), startLocalRedis({ dataDir: join(dir, 'redis') })]);
  const queuePrefix = 'benchimports';
  let worker: ReturnType<typeof spawn> | undefined;
  const api = await createApi({
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    queuePrefix,
    logger: ['error'],
    auth: { operators: [], registration: 'open' },
  });
  try {
    await runMigrations(postgres.url);
    await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const { registerOrganization: reg } = await gql(`mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { token } }`, {
      input: { organizationName: 'Bench', email: 'bench@example.org', password: 'correct horse battery', displayName: 'Bench' },
    });
    const token: string = reg.token;

    const extra = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []; // e.g. "--cpu-prof"
    worker = spawn(process.execPath, [...extra, '--import', join(root, 'tests/src/support/reminders-ts-loader.mjs'), join(root, 'apps/worker/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        LOG_LEVEL: 'warn',
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        RAPPORT_QUEUE_PREFIX: queuePrefix,
        REMINDER_DIGESTS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((ready, fail) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('[rapport-worker] ready')) ready();
      };
      worker!.stdout!.on('data', onData);
      worker!.stderr!.on('data', onData);
      worker!.once('exit', (code) => fail(new Error(`worker exited (${code}): ${output}`)));
    });

    const file = csv(ROWS);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'adherents.csv');
    let started = Date.now();
    const res = await fetch(`${url}/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const { id } = (await res.json()) as { id: string };
    const uploadMs = Date.now() - started;
    say(`upload and analysis of ${(file.length / 1024 / 1024).toFixed(1)} MB: ${uploadMs} ms`);
    const { importJob } = await gql(`query($id: ID!) { importJob(id: $id) { totalRows mapping { column field } } }`, { id }, token);
    started = Date.now();
    await gql(
      `mutation($id: ID!, $mapping: [ColumnMappingInput!]!) { runImport(id: $id, mapping: $mapping) { id } }`,
      { id, mapping: importJob.mapping.map((m: { column: string; field: string | null }) => ({ column: m.column, field: m.field })) },
      token,
    );
    // While it runs: the api's latency on a small query, every 100 ms.
    const latencies: number[] = [];
    let job: any;
    let peakRssMb = 0;
    for (;;) {
      const t0 = performance.now();
      job = (await gql(`query($id: ID!) { importJob(id: $id) { status processedRows created updated skipped failed } }`, { id }, token)).importJob;
      latencies.push(performance.now() - t0);
      try {
        const status = await import('node:fs').then((fs) => fs.readFileSync(`/proc/${worker!.pid}/status`, 'utf8'));
        peakRssMb = Math.max(peakRssMb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      } catch {
        /* not Linux */
      }
      if (job.status !== 'RUNNING') break;
      await sleep(100);
    }
    const importMs = Date.now() - started;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
    const result = {
      rows: ROWS,
      fileMb: +(file.length / 1024 / 1024).toFixed(1),
      uploadAndAnalysisMs: uploadMs,
      importMs,
      rowsPerSecond: Math.round(ROWS / (importMs / 1000)),
      job,
      apiLatencyMs: { p50: p(0.5), p95: p(0.95), max: p(1) },
      workerPeakRssMb: Math.round(peakRssMb),
      underAMinute: importMs < 60_000,
    };
    say(`import: ${importMs} ms (${result.rowsPerSecond} rows/s), ${JSON.stringify(job)}`);
    say(`api meanwhile: p50 ${result.apiLatencyMs.p50} ms, p95 ${result.apiLatencyMs.p95} ms; worker peak RSS ${result.workerPeakRssMb} MB`);
    await mkdir(join(root, 'test-results'), { recursive: true });
    await writeFile(join(root, 'test-results/bench-imports.json'), JSON.stringify(result, null, 2));
    if (job.status !== 'DONE') throw new Error(`import ended ${job.status}`);
  } finally {
    worker?.kill('SIGTERM');
    await api.close();
    await redis.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
