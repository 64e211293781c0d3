import { rm } from 'node:fs/promises';
import type { LocalPostgres, LocalRedis } from '@rapport/local-services';

export default async function globalTeardown() {
  const services = (globalThis as Record<string, unknown>).__rapportServices as { postgres: LocalPostgres; redis: LocalRedis; dir: string } | undefined;
  if (!services) return;
  await services.redis.stop();
  await services.postgres.stop();
  await rm(services.dir, { recursive: true, force: true });
}
