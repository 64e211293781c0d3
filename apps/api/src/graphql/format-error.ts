import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { describeError, stackFrames } from '@rapport/shared';

const logger = new Logger('GraphQL');

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

// graphql-js gives up coercing variables after 50 errors by throwing one without a code
// (found by the mutation fuzzer: a list of 1,000 bad items); it is still the client's input.
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;

/**
 * What a client sees of an error: our own codes as they are; anything else (a
 * database error, a bug) becomes a plain "Internal server error" with no stack or SQL.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (TOO_MANY_VARIABLE_ERRORS.test(formatted.message)) {
    return { message: `variables: ${formatted.message}`, extensions: { code: 'BAD_USER_INPUT', field: 'variables' } };
  }
  if (CLIENT_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Logged by class, code and message, with the code locations: never the driver's
  // details or the query's arguments, which carry what people said.
  const cause = (error as { originalError?: unknown })?.originalError ?? error;
  logger.error(`internal error in ${formatted.path?.join('.') ?? 'the request'}: ${describeError(cause)}\n${stackFrames(cause)}`);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
