export * from './enums.js';
export * from './constants.js';
export * from './text.js';
export * from './messages/index.js';
export * from './euros-in-words.js';
export * from './safe-log.js';
