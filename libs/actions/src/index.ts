export * from './entities/index.js';
export * from './dto/action.input.js';
export * from './actions.service.js';
export * from './calendar/ical.js';
export * from './calendar/calendar-sources.js';
export * from './actions.module.js';
export * from './reminders/action-reminders.js';
