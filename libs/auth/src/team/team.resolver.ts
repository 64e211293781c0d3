import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, type RequestContext, LoadedField } from '@rapport/core';
import { Role } from '@rapport/shared';
import { AuthService } from '../auth.service.js';
import { AuthPayload } from '../dto/auth-payload.type.js';
import { Invitation } from '../entities/invitation.entity.js';
import { User } from '../entities/user.entity.js';
import { clientAddress } from '../client-address.js';
import { TeamService } from './team.service.js';

@Resolver(() => Invitation)
export class TeamResolver {
  constructor(
    private readonly team: TeamService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => [Invitation], { description: 'ORGANISER only: pending invitations, newest first' })
  invitations(@CurrentMember() member: Member) {
    return this.team.pendingInvitations(member);
  }

  @LoadedField(() => User)
  invitedBy(invitation: Invitation, member: Member, loaders: Loaders) {
    return this.auth.usersById(loaders, member).load(invitation.invitedByUserId);
  }

  @Mutation(() => Invitation, { description: "ORGANISER only. Emails a one-time link (7 days) in the organisation's language when SMTP_URL is set" })
  inviteMember(
    @CurrentMember() member: Member,
    @Args('email') email: string,
    @Args('displayName') displayName: string,
    @Args('role', { type: () => Role }) role: Role,
    @Context() ctx: RequestContext,
  ) {
    return this.team.invite(member, { email, displayName, role }, `${ctx.req.protocol}://${ctx.req.get('host')}`);
  }

  @Mutation(() => Boolean, { description: 'ORGANISER only; the link stops working at once' })
  revokeInvitation(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.team.revokeInvitation(member, id);
  }

  @Mutation(() => AuthPayload, { description: 'Public: the token from the link works once, before expiresAt' })
  acceptInvitation(
    @Args('token') token: string,
    @Args('password') password: string,
    @Args('displayName', { type: () => String, nullable: true }) displayName: string | null,
  ) {
    return this.team.acceptInvitation(token, password, displayName);
  }

  @Mutation(() => User, { description: 'ORGANISER only; the last organiser cannot be demoted' })
  changeMemberRole(@CurrentMember() member: Member, @Args('userId', { type: () => ID }) userId: string, @Args('role', { type: () => Role }) role: Role) {
    return this.team.changeMemberRole(member, userId, role);
  }

  @Mutation(() => Boolean, { description: 'ORGANISER only; every token of that member stops working at once; the last organiser cannot be removed' })
  removeMember(@CurrentMember() member: Member, @Args('userId', { type: () => ID }) userId: string) {
    return this.team.removeMember(member, userId);
  }

  @Mutation(() => Boolean, { description: 'Every other session of the caller stops working; rate limited like signIn' })
  changePassword(
    @CurrentMember() member: Member,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() ctx: RequestContext,
  ) {
    return this.team.changePassword(member, currentPassword, newPassword, clientAddress(ctx));
  }

  @Mutation(() => Boolean, { description: 'Public. Always true; emails a one-time link valid one hour when the address has an account' })
  requestPasswordReset(@Args('email') email: string, @Context() ctx: RequestContext) {
    return this.team.requestPasswordReset(email, clientAddress(ctx));
  }

  @Mutation(() => AuthPayload, { description: 'Public. Every other session of that account stops working' })
  resetPassword(@Args('token') token: string, @Args('newPassword') newPassword: string) {
    return this.team.resetPassword(token, newPassword);
  }

  @Mutation(() => Boolean, { description: 'Every token of the caller stops working, this one included' })
  signOutEverywhere(@CurrentMember() member: Member) {
    return this.team.signOutEverywhere(member);
  }
}
