export * from './entities/index.js';
export * from './people-data.module.js';
export * from './duplicates/duplicates.service.js';
export * from './duplicates/merge.service.js';
export * from './exports/exports.service.js';
export * from './imports/index.js';
