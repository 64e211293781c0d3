export * from './entities/index.js';
export * from './dto/win.input.js';
export * from './wins.service.js';
export * from './wins.module.js';
