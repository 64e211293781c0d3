export * from './entities/index.js';
export * from './dto/casework.input.js';
export * from './dto/casework.types.js';
export * from './session-occurrences.js';
export * from './case-evidence.js';
// Registers the case reminders' subject with the reminders library (api and worker).
export * from './case-reminders.js';
export * from './sessions.service.js';
export * from './cases.service.js';
export * from './casework.module.js';
