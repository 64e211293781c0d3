export * from './entities/index.js';
export * from './people-data.module.js';
export * from './imports/index.js';
