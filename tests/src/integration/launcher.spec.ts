// `npm start` as a person runs it: a fresh data folder, PostgreSQL and Redis
// started by the launcher, the demo loaded, the web app served; SIGTERM leaves
// no process behind; a second start reuses the data. Needs the build (CI builds first).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, relocatedDataDir } from '@rapport/local-services';
import { createTestDatabase } from '../support/test-app.js';

const root = join(process.cwd(), '..');
const START = join(root, 'apps/api/dist/start.js');

/** What the last started launcher printed so far. */
let liveOutput = '';

async function start(dataDir: string, port: number, env: Record<string, string> = {}, project = root, script = 'apps/api/dist/start.js') {
  const child = spawn(process.execPath, [join(project, script)], {
    cwd: project,
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (liveOutput = output += d));
  child.stderr!.on('data', (d) => (liveOutput = output += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`start.js exited (${child.exitCode}):\n${output}`);
    if (output.includes('Rapport is running at')) return { child, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`start.js did not come up in 90 s:\n${output}`);
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

const processesUsing = (dataDir: string) => {
  try {
    return execFileSync('pgrep', ['-af', '--', dataDir], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

describe('npm start', () => {
  let dataDir: string;
  beforeAll(async () => {
    if (!existsSync(START)) throw new Error('apps/api/dist/start.js is missing: run `npm run build` first');
    const base = await mkdtemp(join(tmpdir(), 'rapport-start-'));
    await chmod(base, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach the folder
    dataDir = join(base, 'data');
  });
  afterAll(() => rm(join(dataDir, '..'), { recursive: true, force: true }));

  it('comes up on a fresh data folder with the demo, serves the web app, and leaves nothing behind', async () => {
    const port = await findFreePort();
    // Meanwhile, someone opens the address as early as they can: it must not answer before the demo is whole.
    let answeredEarly = false;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok && !liveOutput.includes('demo organisation')) answeredEarly = true;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const { child, output } = await start(dataDir, port);
    polling = false;
    await poll;
    expect(answeredEarly).toBe(false);
    expect(output()).toContain('demo organisation "Si on s\'alliait ?" loaded');
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    expect(output()).toContain('demo login: organisatrice@villejean.example');
    // Quiet by default: our own lines only, no Nest start-up chatter.
    expect(output()).not.toMatch(/InstanceLoader|RoutesResolver|Mapped \{/);
    // a client-side route falls back to the web app's shell (app.html, or index.html when signed out)
    const page = await fetch(`http://127.0.0.1:${port}/campaigns/some-id`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    expect(processesUsing(dataDir)).not.toBe('');
    expect(await stop(child)).toBe(0);
    expect(processesUsing(dataDir)).toBe('');
  }, 150_000);

  it('reuses the data on a second start (no second demo)', async () => {
    const port = await findFreePort();
    const { child, output } = await start(dataDir, port);
    expect(output()).not.toContain('demo organisation');
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(email: "organisatrice@villejean.example", password: "villejean-2016-2022") { token } }' }),
    });
    expect((await res.json()).data.signIn.token).toEqual(expect.any(String));
    expect(await stop(child)).toBe(0);
    expect(processesUsing(dataDir)).toBe('');
  }, 150_000);

  it('`npm start` (apps/api/scripts/launch.mjs) builds quietly, then starts', async () => {
    const port = await findFreePort();
    const { child, output } = await start(join(dataDir, '..', 'npm-start'), port, { RAPPORT_SEED: 'none' }, root, 'apps/api/scripts/launch.mjs');
    expect(output()).toMatch(/\[rapport\] built in \d+ s/);
    expect(output()).not.toMatch(/nx run|tsc -b/);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    expect(await stop(child)).toBe(0);
  }, 200_000);

  it('uses DATABASE_URL and REDIS_URL when set, starting neither, as on a server (with RAPPORT_SEED=none)', async () => {
    const databaseUrl = await createTestDatabase();
    const port = await findFreePort();
    const other = join(dataDir, '..', 'unused');
    const { child, output } = await start(other, port, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      RAPPORT_SEED: 'none',
      RAPPORT_WORKER: 'false',
      RAPPORT_QUEUE_PREFIX: 'launcher',
    });
    expect(output()).not.toMatch(/starting (PostgreSQL|Redis)/);
    expect(output()).not.toContain('demo organisation');
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    expect(existsSync(other)).toBe(false);
    expect(await stop(child)).toBe(0);
  }, 150_000);

  it('runs the worker as its own process, stopping cleanly on SIGTERM', async () => {
    const databaseUrl = await createTestDatabase();
    const child = spawn(process.execPath, [join(root, 'apps/worker/dist/main.js')], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: process.env.TEST_REDIS_URL!, RAPPORT_QUEUE_PREFIX: 'launcher-worker' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 30_000;
    while (!/scheduled reminder\(s\) checked/.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    expect(output).toMatch(/scheduled reminder\(s\) checked/);
    // Nest closes the worker (jobs in hand finish), then the process ends by the signal it received.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
  }, 60_000);

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot(
    'as root, runs a project kept in a folder only root can enter (mode 700, like /root): PostgreSQL lives under /var/lib/rapport, reused on the next start',
    async () => {
      // A copy of the project (hard links: seconds) inside a mode-700 folder, like a clone in /root.
      const outer = await mkdtemp(join(tmpdir(), 'rapport-home-'));
      await chmod(outer, 0o700);
      const project = join(outer, 'rapport');
      await mkdir(project);
      for (const entry of readdirSync(root).filter((e) => !['.git', '.rapport', '.nx', 'test-results'].includes(e))) {
        execFileSync('cp', ['-al', join(root, entry), project]);
      }
      const projectData = join(project, '.rapport');
      const relocated = relocatedDataDir(join(projectData, 'postgres'));
      try {
        const port = await findFreePort();
        const first = await start(projectData, port, { RAPPORT_SEED: 'none' }, project);
        expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
        expect(first.output()).toContain(`its binaries and data are kept in ${relocated}`);
        expect(first.output()).not.toMatch(/EACCES|\n\s+at /);
        expect(existsSync(join(relocated, 'PG_VERSION'))).toBe(true);
        expect(await stop(first.child)).toBe(0);

        const second = await start(projectData, port, { RAPPORT_SEED: 'none' }, project);
        expect(second.output()).toContain('database schema up to date');
        expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
        expect(await stop(second.child)).toBe(0);
        expect(processesUsing(relocated)).toBe('');
      } finally {
        await rm(outer, { recursive: true, force: true });
        await rm(join(relocated, '..'), { recursive: true, force: true });
      }
    },
    200_000,
  );

  it('stops with a one-line message naming a malformed variable', async () => {
    const child = spawn(process.execPath, [START], { cwd: root, env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err.trim()).toBe('[rapport] configuration: PORT must be a whole number from 1 to 65535 (got "eighty")');
  });
});
