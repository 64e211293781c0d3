import './graphql-enums.js';
export * from './errors.js';
export * as v from './validate.js';
export { normalizeForMatch, isUuid } from './validate.js';
export * from './request-context.js';
export * from './current-member.decorator.js';
export * from './redis.module.js';
export * from './loaded-field.decorator.js';
