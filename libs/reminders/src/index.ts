export * from './entities/index.js';
export * from './reminder-scheduler.service.js';
export * from './reminders.module.js';
