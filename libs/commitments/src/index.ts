export * from './entities/index.js';
export * from './commitments.module.js';
