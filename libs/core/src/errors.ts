import { GraphQLError } from 'graphql';

/** The error codes a client can rely on (contract: "Errors"). */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'TOO_MANY_REQUESTS';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** A bad input, naming the field (its path in the input) and the rule it broke. */
export const badInput = (field: string, rule: string) =>
  new AppError('BAD_USER_INPUT', `${field}: ${rule}`, { field });

export const notFound = (what: string, id?: string) =>
  new AppError('NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`);

export const forbidden = (operation: string) =>
  new AppError('FORBIDDEN', `Your role may not use ${operation}`);

export const unauthenticated = (why = 'Sign in first') => new AppError('UNAUTHENTICATED', why);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError('TOO_MANY_REQUESTS', `Too many attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, {
    retryAfter: Math.ceil(retryAfterSeconds),
  });
