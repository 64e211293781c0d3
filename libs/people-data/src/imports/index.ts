export * from './import.queue.js';
export * from './import-reader.js';
export * from './import-fields.js';
export * from './imports.service.js';
export * from './import-runner.service.js';
export * from './imports-worker.module.js';
