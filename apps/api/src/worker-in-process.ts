import type { DynamicModule, Type } from '@nestjs/common';

/** The worker's modules, when one process runs both api and worker (RAPPORT_WORKER=true). */
export function workerModules(_urls: { databaseUrl: string; redisUrl: string }): Array<Type | DynamicModule> {
  return [];
}
