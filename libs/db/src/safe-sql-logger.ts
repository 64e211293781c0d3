import type { Logger as TypeOrmLogger } from 'typeorm';
import { describeError, withoutAddresses } from '@rapport/shared';

export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  log(message: string): void;
}

const consoleSink: LogSink = {
  error: (m) => console.error(`[database] ${m}`),
  warn: (m) => console.warn(`[database] ${m}`),
  log: (m) => console.log(`[database] ${m}`),
};

/** The statement's text only: its parameters carry what people said, and the text is cut short. */
const statement = (query: string) => (query.length > 300 ? `${query.slice(0, 300)}…` : query).replace(/\s+/g, ' ');

/**
 * TypeORM's own logger prints a failed query with its PARAMETERS (notes, names,
 * health and money troubles). This one prints the statement, the SQLSTATE and a
 * message without quoted values, and never the parameters.
 */
export class SafeSqlLogger implements TypeOrmLogger {
  constructor(private readonly sink: LogSink = consoleSink) {}
  logQuery() {}
  logQueryError(error: string | Error, query: string) {
    this.sink.error(`query failed: ${typeof error === 'string' ? 'error' : describeError(error)} — ${statement(query)}`);
  }
  logQuerySlow(time: number, query: string) {
    this.sink.warn(`slow query (${time} ms): ${statement(query)}`);
  }
  // Schema and migration chatter stays quiet, as with TypeORM's `logging: ['error', 'warn']`.
  logSchemaBuild() {}
  logMigration() {}
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.sink.warn(withoutAddresses(typeof message === 'string' ? message : describeError(message)));
  }
}
