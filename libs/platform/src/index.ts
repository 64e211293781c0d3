export * from './config.js';
export * from './entities.js';
export * from './database.js';
export * from './platform.module.js';
export * from './reminder-providers.js';
