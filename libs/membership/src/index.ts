export * from './entities/index.js';
export * from './dto/membership.input.js';
export * from './dto/membership-report.type.js';
export * from './membership-periods.js';
// Registers the renewal reminders' subject with the reminders library (api and worker).
export * from './membership-reminders.js';
export * from './membership.service.js';
export * from './membership.module.js';
