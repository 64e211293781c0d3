import { Reminder } from './reminder.entity.js';

export { Reminder };
export const REMINDERS_ENTITIES = [Reminder];
