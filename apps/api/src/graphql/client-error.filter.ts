import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Our own errors (BAD_USER_INPUT, NOT_FOUND…) are answers, not incidents: pass
 * them to the client as they are, without Nest logging a stack for each.
 */
@Catch(GraphQLError)
export class ClientErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError) {
    return error;
  }
}
