import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
import { Contact } from '@rapport/contacts';
import { MembershipStatus } from '@rapport/shared';
import { MembershipService } from './membership.service.js';
import { MembershipSettings } from './entities/membership-settings.entity.js';
import { DuesPayment } from './entities/dues-payment.entity.js';
import { Membership } from './entities/membership.entity.js';
import { DuesPaymentInput, MembershipSettingsInput } from './dto/membership.input.js';
import { MembershipReport, SolidarityFund } from './dto/membership-report.type.js';

@Resolver()
export class MembershipResolver {
  constructor(private readonly service: MembershipService) {}

  @Query(() => MembershipSettings)
  membershipSettings(@CurrentMember() member: Member) {
    return this.service.settings(member.organizationId);
  }

  @Query(() => MembershipReport, { description: 'ORGANISER, LEADER' })
  membershipReport(@CurrentMember() member: Member, @Args('year', { type: () => Int }) year: number) {
    return this.service.report(member, year);
  }

  @Query(() => SolidarityFund, { description: 'ORGANISER, LEADER' })
  solidarityFund(@CurrentMember() member: Member) {
    return this.service.fund(member.organizationId);
  }

  @Query(() => [DuesPayment], { description: 'ORGANISER only, newest first' })
  duesPayments(
    @CurrentMember() member: Member,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
  ) {
    return this.service.payments(member, from, to, first ?? 100);
  }

  @Query(() => DuesPayment, { nullable: true, description: 'one payment (its receipt); ORGANISER, LEADER' })
  duesPayment(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.service.payment(member, id);
  }

  @Query(() => [Contact], { description: 'CURRENT ending within the days, and GRACE; ORGANISER, LEADER' })
  membersToRenew(@CurrentMember() member: Member, @Args('withinDays', { type: () => Int, nullable: true, defaultValue: 30 }) withinDays: number) {
    return this.service.toRenew(member, withinDays ?? 30);
  }

  @Mutation(() => MembershipSettings, { description: 'ORGANISER only' })
  updateMembershipSettings(@CurrentMember() member: Member, @Args('input') input: MembershipSettingsInput) {
    return this.service.updateSettings(member, input);
  }

  @Mutation(() => DuesPayment, { description: 'ORGANISER, LEADER' })
  recordDuesPayment(@CurrentMember() member: Member, @Args('input') input: DuesPaymentInput) {
    return this.service.recordPayment(member, input);
  }

  @Mutation(() => Membership, { description: 'from the solidarity fund, at the suggested dues; ORGANISER only' })
  grantSolidarityMembership(@CurrentMember() member: Member, @Args('contactId', { type: () => ID }) contactId: string) {
    return this.service.grant(member, contactId);
  }

  @Mutation(() => DuesPayment, { description: 'removes the memberships it funded; the receipt number is never reused; ORGANISER only' })
  cancelDuesPayment(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return this.service.cancelPayment(member, id, reason);
  }
}

/** Membership fields of Contact: added here, as membership comes after contacts. */
@Resolver(() => Contact)
export class ContactMembershipResolver {
  constructor(private readonly service: MembershipService) {}

  @LoadedField(() => MembershipStatus)
  async membershipStatus(contact: Contact, member: Member, loaders: Loaders) {
    return (await this.service.statusOf(loaders, member, contact.id)).status;
  }

  @LoadedField(() => Date, { nullable: true, description: 'end of the latest membership, null when NEVER' })
  async membershipEndsAt(contact: Contact, member: Member, loaders: Loaders) {
    return (await this.service.statusOf(loaders, member, contact.id)).endsAt;
  }

  @LoadedField(() => [Membership], { description: 'newest first' })
  memberships(contact: Contact, member: Member, loaders: Loaders) {
    return this.service.membershipsOf(loaders, member).load(contact.id);
  }

  @LoadedField(() => [DuesPayment], { description: 'payments this person made, newest first' })
  duesPayments(contact: Contact, member: Member, loaders: Loaders) {
    return this.service.paymentsOf(loaders, member).load(contact.id);
  }
}

@Resolver(() => Membership)
export class MembershipFieldsResolver {
  constructor(private readonly service: MembershipService) {}

  @LoadedField(() => Contact)
  contact(m: Membership, member: Member, loaders: Loaders) {
    return this.service.contactById(loaders, member).load(m.contactId);
  }

  @LoadedField(() => DuesPayment, { nullable: true, description: 'null when granted from the solidarity fund' })
  payment(m: Membership, member: Member, loaders: Loaders) {
    return m.paymentId ? this.service.paymentById(loaders, member).load(m.paymentId) : null;
  }

  @LoadedField(() => Contact, { nullable: true, description: 'who paid, when it was not the member' })
  fundedBy(m: Membership, member: Member, loaders: Loaders) {
    return m.fundedByContactId ? this.service.contactById(loaders, member).load(m.fundedByContactId) : null;
  }
}

@Resolver(() => DuesPayment)
export class DuesPaymentFieldsResolver {
  constructor(private readonly service: MembershipService) {}

  @LoadedField(() => Contact)
  payer(p: DuesPayment, member: Member, loaders: Loaders) {
    return this.service.contactById(loaders, member).load(p.payerContactId);
  }

  @LoadedField(() => [Membership], { description: 'the memberships this payment funded' })
  memberships(p: DuesPayment, member: Member, loaders: Loaders) {
    return this.service.membershipsOfPayment(loaders, member).load(p.id);
  }
}
