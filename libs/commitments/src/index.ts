export * from './entities/index.js';
export * from './dto/commitment.input.js';
export * from './commitments.service.js';
export * from './commitments.module.js';
export * from './reminders/commitment-reminders.js';
