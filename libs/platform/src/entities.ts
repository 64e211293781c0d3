import { AUTH_ENTITIES } from '@rapport/auth';

/** Every TypeORM entity of Rapport: the api, the worker and the drift check use this list. */
export const ALL_ENTITIES = [...AUTH_ENTITIES];
