import type { EntitySchema } from 'typeorm';
import { ImportJob, ColumnMapping } from './import-job.entity.js';
import { ImportRowError } from './import-row-error.entity.js';
import { ImportFileChunk } from './import-file-chunk.entity.js';

export { ImportJob, ColumnMapping, ImportRowError, ImportFileChunk };

/** The tables of people-data (uploads, import jobs, dismissed duplicate pairs, merges, exports). */
export const PEOPLE_DATA_ENTITIES: Array<(new () => object) | EntitySchema> = [
  // imports
  ImportJob,
  ImportRowError,
  ImportFileChunk,
];
