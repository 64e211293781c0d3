export * from './entities/index.js';
export * from './dto/turf.input.js';
export * from './turf.service.js';
export * from './turf.module.js';
