import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
import { CommitmentStatus } from '@rapport/shared';
import { AuthService, User } from '@rapport/auth';
import { Reminder, RemindersService } from '@rapport/reminders';
import { Contact, ContactsService } from '@rapport/contacts';
import { Campaign, CampaignsService } from '@rapport/campaigns';
import { DecisionMaker, DecisionMakersService } from '@rapport/decision-makers';
import { CommitmentsService } from './commitments.service.js';
import { Commitment } from './entities/commitment.entity.js';
import { CommitmentInput } from './dto/commitment.input.js';

@Resolver(() => Commitment)
export class CommitmentsResolver {
  constructor(
    private readonly service: CommitmentsService,
    private readonly campaigns: CampaignsService,
    private readonly contacts: ContactsService,
    private readonly decisionMakers: DecisionMakersService,
    private readonly auth: AuthService,
    private readonly reminderRows: RemindersService,
  ) {}

  @Query(() => [Commitment])
  commitments(
    @CurrentMember() member: Member,
    @Args('status', { type: () => CommitmentStatus, nullable: true }) status: CommitmentStatus | null,
    @Args('campaignId', { type: () => ID, nullable: true }) campaignId: string | null,
  ) {
    return this.service.list(member, status, campaignId);
  }

  @Mutation(() => Commitment)
  recordCommitment(@CurrentMember() member: Member, @Args('input') input: CommitmentInput) {
    return this.service.record(member, input);
  }

  @Mutation(() => Commitment)
  resolveCommitment(
    @CurrentMember() member: Member,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => CommitmentStatus }) status: CommitmentStatus,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ) {
    return this.service.resolve(member, id, status, note);
  }

  @Mutation(() => Commitment, { description: 'moves an OPEN commitment to a new date; its pending reminders move with it' })
  rescheduleCommitment(
    @CurrentMember() member: Member,
    @Args('id', { type: () => ID }) id: string,
    @Args('dueAt', { type: () => Date }) dueAt: Date,
    @Args('remindAt', { type: () => Date, nullable: true }) remindAt: Date | null,
  ) {
    return this.service.reschedule(member, id, dueAt, remindAt);
  }

  @LoadedField(() => Campaign, { nullable: true })
  campaign(c: Commitment, member: Member, loaders: Loaders) {
    return c.campaignId ? this.campaigns.byId(loaders, member).load(c.campaignId) : null;
  }

  @LoadedField(() => Contact, { nullable: true, description: 'exactly one of contact / decisionMaker is set' })
  contact(c: Commitment, member: Member, loaders: Loaders) {
    return c.contactId ? this.contacts.byId(loaders, member).load(c.contactId) : null;
  }

  @LoadedField(() => DecisionMaker, { nullable: true })
  decisionMaker(c: Commitment, member: Member, loaders: Loaders) {
    return c.decisionMakerId ? this.decisionMakers.byId(loaders, member).load(c.decisionMakerId) : null;
  }

  @LoadedField(() => User, { nullable: true })
  followUpOwner(c: Commitment, member: Member, loaders: Loaders) {
    return c.followUpOwnerId ? this.auth.usersById(loaders, member).load(c.followUpOwnerId) : null;
  }

  @LoadedField(() => [Reminder])
  reminders(c: Commitment, member: Member, loaders: Loaders) {
    return this.reminderRows.bySubject(loaders, member, 'commitmentId').load(c.id);
  }
}
