export * from './privacy.module.js';
