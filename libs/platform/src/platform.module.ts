import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { RedisModule } from '@rapport/core';
import { dataSourceOptions, SafeSqlLogger, type DataSourceConfig } from '@rapport/db';
import { rapportDataSourceConfig } from './database.js';

export interface PlatformOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Tests pass a logger to count SQL statements. */
  database?: Partial<DataSourceConfig>;
  /** Prefix of every Redis key (BullMQ queues, rate limits); tests give each app its own. */
  queuePrefix?: string;
}

/** BullMQ connection options from a redis:// URL. */
export function bullConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // Producers fail fast when Redis is away (the sweeper catches up); workers wait.
    enableOfflineQueue: false,
    maxRetriesPerRequest: null,
  };
}

/** PostgreSQL and Redis, as the api and the worker both need them. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot(
          dataSourceOptions(rapportDataSourceConfig(options.databaseUrl, { logger: new SafeSqlLogger(new Logger('Database')), ...options.database })),
        ),
        RedisModule.forRoot(options.redisUrl, options.queuePrefix ?? 'rapport'),
        BullModule.forRoot({
          connection: bullConnection(options.redisUrl),
          prefix: options.queuePrefix ?? 'rapport',
        }),
      ],
      exports: [TypeOrmModule, RedisModule, BullModule],
    };
  }
}
