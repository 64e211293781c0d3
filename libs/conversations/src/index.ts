export * from './entities/index.js';
export * from './dto/log-conversation.input.js';
export * from './conversations.service.js';
export * from './conversations.module.js';
export * from './reminders/conversation-reminders.js';
export * from './conversation-sessions.js';
export * from './conversation-links.js';
