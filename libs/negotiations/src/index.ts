export * from './entities/index.js';
export * from './negotiations.module.js';
