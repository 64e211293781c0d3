import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { forbidden, unauthenticated, type RequestContext } from '@rapport/core';
import { AuthService } from './auth.service.js';
import { FORBIDDEN_REASONS, PUBLIC_OPERATIONS, mayUse } from './permissions.js';

/**
 * The one gate of the API: every query, mutation and resolved field passes here
 * (the `@LoadedField` ones through `LoadedFields`, which calls `authorize` directly).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    await authorize(this.auth, gql.getContext<RequestContext>().req, `${info.parentType.name}.${info.fieldName}`);
    return true;
  }
}

/**
 * May this request use `operation` (`<parent type>.<field>`)? The token is checked once
 * per request (the member is kept on the request), then the role is looked up in the
 * permission map. Answers `true` at once when the member is known (a resolved field of a
 * list runs it for every row), a promise when the token is still to be read; throws
 * UNAUTHENTICATED or FORBIDDEN.
 */
export function authorize(auth: AuthService, req: RequestContext['req'], operation: string): true | Promise<true> {
  if (PUBLIC_OPERATIONS.has(operation)) return true;
  if (req.member === undefined) {
    return (async () => {
      const header = req.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      const member = await auth.authenticate(token);
      if (!member) throw unauthenticated(token ? 'Your session has expired or was revoked; sign in again' : 'Sign in first');
      req.member ??= member;
      return authorize(auth, req, operation) as true;
    })();
  }
  if (!mayUse(req.member.role, operation)) throw forbidden(operation, FORBIDDEN_REASONS[operation]);
  return true;
}
