export * from './entities/index.js';
export * from './dto/negotiation.input.js';
export * from './dto/negotiation-brief.type.js';
export * from './negotiations.service.js';
export * from './negotiations.module.js';
