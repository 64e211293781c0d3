import type { EntitySchema } from 'typeorm';

/** The tables of people-data (uploads, import jobs, dismissed duplicate pairs, merges, exports). */
export const PEOPLE_DATA_ENTITIES: Array<(new () => object) | EntitySchema> = [];
