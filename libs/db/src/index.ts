export * from './snake-naming.strategy.js';
export * from './tenant.entity.js';
export * from './data-source.js';
export * from './safe-sql-logger.js';
export * from './owned.js';
export * from './hydrate.js';
export * from './prepared.js';
export * from './pg-dates.js';
