export * from './privacy.service.js';
export * from './privacy.module.js';
export * from './retention/retention-worker.js';
