import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findFreePort } from './free-port.js';

export interface LocalRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface LocalRedisOptions {
  dataDir: string;
  /** Tests: no persistence at all. */
  throwaway?: boolean;
  port?: number;
  /** May we install the Debian package when the binary is missing? (the launcher: yes; tests: CI installs it) */
  installIfMissing?: boolean;
  onLog?: (line: string) => void;
}

function which(binary: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Finds redis-server; on Debian/Ubuntu as root, installs the OS package when it is missing. */
export function ensureRedisBinary(installIfMissing: boolean, say: (line: string) => void = console.log): string {
  const found = which('redis-server');
  if (found) return found;
  const debian = existsSync('/etc/debian_version');
  const root = process.getuid?.() === 0;
  if (installIfMissing && debian && root) {
    say('redis-server is missing: installing the Debian package redis-server (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
    const installed = which('redis-server');
    if (update.status === 0 && install.status === 0 && installed) return installed;
  }
  throw new Error(
    'redis-server was not found. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, ' +
      'macOS: `brew install redis`) or set REDIS_URL to an existing Redis server.',
  );
}

/** Starts `redis-server` as a child process on a free loopback port, data under `dataDir`. */
export async function startLocalRedis(options: LocalRedisOptions): Promise<LocalRedis> {
  const binary = ensureRedisBinary(options.installIfMissing ?? false);
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = options.port ?? (await findFreePort());
  const persistence = options.throwaway ? ['--save', '', '--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '60 1'];
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--daemonize', 'no', '--protected-mode', 'yes', ...persistence],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const recent: string[] = [];
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        recent.push(line);
        if (recent.length > 20) recent.shift();
        options.onLog?.(line);
        if (line.includes('Ready to accept connections')) ready();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`redis-server exited (code ${code}).\n${recent.join('\n')}`)));
    child.once('error', fail);
  });
  // Never leave an orphan: if this process exits for any reason, Redis goes too (it saves on SIGTERM).
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      process.removeListener('exit', killOnExit);
      child.once('exit', () => done());
      child.kill('SIGTERM'); // redis saves its data on SIGTERM
    });
  return { url: `redis://127.0.0.1:${port}`, port, process: child, stop };
}
