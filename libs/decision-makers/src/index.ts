export * from './entities/index.js';
export * from './decision-makers.module.js';
