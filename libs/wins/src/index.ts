export * from './entities/index.js';
export * from './wins.module.js';
