export * from './dto/campaign-progress.type.js';
export * from './dashboard.queries.js';
export * from './dashboard.service.js';
export * from './dashboard.module.js';
