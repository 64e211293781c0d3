export * from './enums.js';
export * from './constants.js';
export * from './text.js';
export * from './safe-log.js';
