import type { EntitySchema } from 'typeorm';
import { ContactExport } from './contact-export.entity.js';
import { ContactMerge } from './contact-merge.entity.js';
import { DismissedDuplicate } from './dismissed-duplicate.entity.js';
import { ImportJob, ColumnMapping } from './import-job.entity.js';
import { ImportRowError } from './import-row-error.entity.js';
import { ImportFileChunk } from './import-file-chunk.entity.js';

export { ContactExport, ContactMerge, DismissedDuplicate, ImportJob, ColumnMapping, ImportRowError, ImportFileChunk };

/** The tables of people-data: import jobs (their errors and uploaded file), dismissed duplicate pairs, merges, exports. */
export const PEOPLE_DATA_ENTITIES: Array<(new () => object) | EntitySchema> = [
  ImportJob,
  ImportRowError,
  ImportFileChunk,
  DismissedDuplicate,
  ContactMerge,
  ContactExport,
];
