export * from './entities/index.js';
export * from './dto/decision-maker.input.js';
export * from './decision-makers.service.js';
export * from './decision-makers.module.js';
