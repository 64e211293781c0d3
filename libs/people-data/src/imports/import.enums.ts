import { registerEnumType } from '@nestjs/graphql';

export enum ImportStatus {
  /** File read: columns, encoding and delimiter detected, mapping proposed. */
  ANALYSED = 'ANALYSED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  /** The file could not be read at all; rows are never half-written. */
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export enum DedupeRule {
  /** An existing contact with the same phone (E.164) or email is updated, not duplicated. */
  PHONE_OR_EMAIL = 'PHONE_OR_EMAIL',
  NONE = 'NONE',
}

registerEnumType(ImportStatus, { name: 'ImportStatus' });
registerEnumType(DedupeRule, { name: 'DedupeRule' });

/** The BullMQ queue of imports (api: producer, worker: consumer) and its one job. */
export const IMPORT_QUEUE = 'imports';
export const IMPORT_JOB = 'run-import';
