export * from './free-port.js';
export * from './postgres.js';
export * from './redis.js';
export * from './postgres-root.js';
