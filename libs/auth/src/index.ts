export * from './entities/index.js';
export * from './auth.service.js';
export * from './auth.module.js';
export * from './permissions.js';
export * from './dto/auth-payload.type.js';
export * from './auth-options.js';
export * from './passwords.js';
export * from './team/team.service.js';
