export * from './entities/index.js';
// What the contexts implement and register.
export * from './providers/reminder-provider.js';
export * from './providers/reminder-providers.service.js';
export * from './providers/reminder-details.service.js';
export * from './providers/reminder-messages.js';
// The api side.
export * from './scheduling/reminder-scheduler.service.js';
export * from './scheduling/reminders.module.js';
export * from './scheduling/reminders.service.js';
// The worker side.
export * from './worker/reminder-options.js';
export * from './worker/mailer.service.js';
export * from './worker/reminder-sender.service.js';
export * from './worker/reminder-sweeper.service.js';
export * from './worker/digest.service.js';
export * from './worker/reminders.processor.js';
export * from './worker/reminders-worker.module.js';
