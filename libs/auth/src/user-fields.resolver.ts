import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { forbidden, type RequestContext } from '@rapport/core';
import { Role } from '@rapport/shared';
import { User } from './entities/user.entity.js';

/**
 * Members' addresses are for organisers (who run the team) and for each member's
 * own account. A leader reaching another member through a conversation's organiser,
 * a reminder's recipient or a commitment's follow-up owner sees their name, not
 * their email. Without a member on the request, the field was reached from signIn
 * or registerOrganization: the caller's own account (see PUBLIC_OPERATIONS).
 */
@Resolver(() => User)
export class UserFieldsResolver {
  @ResolveField(() => String)
  email(@Parent() user: User, @Context() ctx: RequestContext) {
    const member = ctx.req.member;
    if (!member || member.role === Role.ORGANISER || member.userId === user.id) return user.email;
    throw forbidden('User.email');
  }
}
