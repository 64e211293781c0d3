import type { EntitySchema } from 'typeorm';
import { ContactExport } from './contact-export.entity.js';
import { ContactMerge } from './contact-merge.entity.js';
import { DismissedDuplicate } from './dismissed-duplicate.entity.js';

export { ContactExport, ContactMerge, DismissedDuplicate };

/** The tables of people-data (uploads, import jobs, dismissed duplicate pairs, merges, exports). */
export const PEOPLE_DATA_ENTITIES: Array<(new () => object) | EntitySchema> = [DismissedDuplicate, ContactMerge, ContactExport];
