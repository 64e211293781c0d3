import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const START = join(root, 'apps/api/dist/start.js');
const WEB_INDEX = join(root, 'apps/web/dist/index.html');
const LOG = join(root, 'test-results/e2e-api.log');
const READY_TIMEOUT_MS = 240_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the real app once for the whole run, on a fresh data folder and a free
 * port; waits for /health and the demo seed; stops it at the end (SIGTERM: it
 * stops its embedded PostgreSQL and Redis itself).
 */
export default async function globalSetup() {
  for (const [file, hint] of [
    [START, 'build the api first: npx nx run api:build'],
    [WEB_INDEX, 'build the web app first: npx nx run web:build'],
  ]) {
    if (!existsSync(file)) throw new Error(`e2e: ${file} is missing; ${hint}`);
  }
  mkdirSync(dirname(LOG), { recursive: true });
  mkdirSync(join(root, 'test-results/screenshots'), { recursive: true });

  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = createWriteStream(LOG);
  const child = spawn(process.execPath, [START], {
    cwd: root,
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', RAPPORT_SEED: 'demo', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited(child);
      clearTimeout(timer);
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let healthy = false;
    // Ready = /health answers 200 and the launcher printed that the demo is loaded.
    while (!(healthy && output.includes('Rapport is running at'))) {
      if (child.exitCode !== null) throw new Error(`the api exited (${child.exitCode}); see ${LOG}\n${output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`the api was not ready after ${READY_TIMEOUT_MS / 1000}s; see ${LOG}`);
      if (!healthy)
        healthy = await fetch(`${baseURL}/health`).then(
          (r) => r.status === 200,
          () => false,
        );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  // Workers start after global setup and inherit the environment.
  process.env.E2E_BASE_URL = baseURL;
  return stop;
}
