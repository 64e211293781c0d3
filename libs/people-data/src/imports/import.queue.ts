/** The BullMQ queue of imports (api: producer, worker: consumer) and its one job. */
export const IMPORT_QUEUE = 'imports';
export const IMPORT_JOB = 'run-import';
