export * from './entities/index.js';
export * from './actions.module.js';
