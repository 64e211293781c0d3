export * from './entities/index.js';
export * from './conversations.module.js';
