import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppError, CurrentMember, type Member, type RequestContext } from '@rapport/core';
import { Role } from '@rapport/shared';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.service.js';
import { AuthPayload } from './dto/auth-payload.type.js';
import { RegisterOrganizationInput } from './dto/register-organization.input.js';
import { Organization } from './entities/organization.entity.js';
import { User } from './entities/user.entity.js';
import { AuditEntry } from './entities/audit-entry.entity.js';
import { clientAddress } from './client-address.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Mutation(() => AuthPayload)
  async registerOrganization(@Args('input') input: RegisterOrganizationInput, @Context() ctx: RequestContext) {
    this.auth.registrationOpen();
    const checked = this.auth.checkRegistration(input);
    // Every registration from an address counts, successful or not: no mass-made organisations.
    await this.throttle.registration(clientAddress(ctx));
    return this.auth.createOrganization(checked);
  }

  @Mutation(() => AuthPayload)
  async signIn(@Args('email') email: string, @Args('password') password: string, @Context() ctx: RequestContext) {
    // The attempt is taken before the password is checked: parallel guesses cannot outrun the limit.
    const attempt = await this.throttle.attempt('sign-in', email ?? '', clientAddress(ctx));
    const session = await this.auth.signIn(email, password);
    if (!session) throw new AppError('UNAUTHENTICATED', 'email or password: no account matches this email and password');
    await attempt.succeeded();
    return session;
  }

  @Mutation(() => Boolean, { description: 'the token stops working at once' })
  signOut(@CurrentMember() member: Member) {
    return this.auth.signOut(member);
  }

  @Mutation(() => User, { description: 'ORGANISER only' })
  addMember(
    @CurrentMember() member: Member,
    @Args('email') email: string,
    @Args('displayName') displayName: string,
    @Args('role', { type: () => Role }) role: Role,
    @Args('password') password: string,
  ) {
    return this.auth.addMember(member, { email, displayName, role, password });
  }

  @Mutation(() => User, { description: 'The language the app speaks to me; null follows the organisation' })
  setMyLocale(@CurrentMember() member: Member, @Args('locale', { type: () => String, nullable: true }) locale: string | null) {
    return this.auth.setMyLocale(member, locale);
  }

  @Mutation(() => Organization, { description: 'New calendar feed URL; the old one stops working. ORGANISER only' })
  rotateCalendarFeed(@CurrentMember() member: Member) {
    return this.auth.rotateCalendarFeed(member);
  }

  @Query(() => User)
  me(@CurrentMember() member: Member) {
    return this.auth.signedIn(member);
  }

  @Query(() => Organization)
  organization(@CurrentMember() member: Member) {
    return this.auth.organization(member);
  }

  @Query(() => [User], { description: 'Members of the organisation. ORGANISER, LEADER (leaders assign turf; User.email stays ORGANISER only)' })
  members(@CurrentMember() member: Member) {
    return this.auth.members(member);
  }

  @Query(() => [AuditEntry], { description: 'Exports and erasures, newest first. ORGANISER only' })
  auditLog(@CurrentMember() member: Member) {
    return this.auth.auditLog(member);
  }

  @Query(() => String, { description: "secret URL of an iCalendar (RFC 5545) feed of the organisation's ALLIES actions; any member may ask" })
  async calendarFeedUrl(@CurrentMember() member: Member, @Context() ctx: RequestContext) {
    const organization = await this.auth.organization(member);
    const base = this.auth.options.publicUrl || `${ctx.req.protocol}://${ctx.req.get('host')}`;
    return `${base.replace(/\/$/, '')}/calendar/${organization.calendarToken}.ics`;
  }
}
