import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Member, RequestContext } from './request-context.js';
import { unauthenticated } from './errors.js';

/** The calling member (tenant + role), as the auth guard resolved it. */
export const CurrentMember = createParamDecorator((_: unknown, context: ExecutionContext): Member => {
  const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
  const member = ctx.req.member;
  if (!member) throw unauthenticated();
  return member;
});

/** The per-request DataLoaders. */
export const RequestLoaders = createParamDecorator((_: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().loaders;
});
