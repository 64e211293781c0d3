import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RedisModule } from '@rapport/core';
import { dataSourceOptions, type DataSourceConfig } from '@rapport/db';
import { rapportDataSourceConfig } from './database.js';

export interface PlatformOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Tests pass a logger to count SQL statements. */
  database?: Partial<DataSourceConfig>;
}

/** PostgreSQL and Redis, as the api and the worker both need them. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(rapportDataSourceConfig(options.databaseUrl, options.database))),
        RedisModule.forRoot(options.redisUrl),
      ],
      exports: [TypeOrmModule, RedisModule],
    };
  }
}
