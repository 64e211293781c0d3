export * from './entities/index.js';
export * from './dto/contact.input.js';
export * from './dto/contact-connection.type.js';
export * from './contact-fields.js';
export * from './contacts.service.js';
export * from './contacts.module.js';
