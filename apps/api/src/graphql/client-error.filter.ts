import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { describeError, stackFrames } from '@rapport/shared';

/**
 * Our own errors (BAD_USER_INPUT, NOT_FOUND…) are answers, not incidents: pass
 * them to the client as they are, without Nest logging a stack for each. Any
 * other error in GraphQL goes on to formatError, which logs it safely once; Nest's
 * default handler would print the whole error object (a failed query's parameters
 * included). On plain HTTP routes (calendar, health) the same safe line is logged.
 */
@Catch()
export class ClientErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('ExceptionsHandler');

  catch(error: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'http') return error instanceof GraphQLError ? error : (error as Error);
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof HttpException) {
      const body = error.getResponse();
      return res.status(error.getStatus()).json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
    }
    this.logger.error(`${describeError(error)}\n${stackFrames(error)}`);
    if (!res.headersSent) res.status(500).json({ statusCode: 500, message: 'Internal server error' });
  }
}
