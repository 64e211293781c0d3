export * from './enums.js';
export * from './constants.js';
