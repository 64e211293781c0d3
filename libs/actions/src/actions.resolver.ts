import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember, notFound, type Loaders, type Member, LoadedField } from '@rapport/core';
import { ParticipationStatus, Role, Visibility } from '@rapport/shared';
import { Campaign, CampaignsService } from '@rapport/campaigns';
import { Contact, ContactsService } from '@rapport/contacts';
import { DecisionMaker, DecisionMakersService } from '@rapport/decision-makers';
import { ActionsService } from './actions.service.js';
import { Action } from './entities/action.entity.js';
import { ActionParticipant } from './entities/action-participant.entity.js';
import { ActionInput } from './dto/action.input.js';
import { ActionCallEntry } from './dto/action-call-entry.type.js';
import { TurnoutService } from './turnout.service.js';

@Resolver(() => Action)
export class ActionsResolver {
  constructor(
    private readonly service: ActionsService,
    private readonly campaigns: CampaignsService,
    private readonly decisionMakers: DecisionMakersService,
    private readonly turnout: TurnoutService,
  ) {}

  @Query(() => [Action], { description: 'ALLY callers get only visibility ALLIES' })
  upcomingActions(@CurrentMember() member: Member, @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null) {
    return this.service.upcoming(member, first ?? 20);
  }

  @Query(() => Action, {
    nullable: true,
    description: 'One action of the organisation: NOT_FOUND for an unknown or foreign id; ALLY callers only visibility ALLIES',
  })
  async action(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    const action = await this.service.get(member, id);
    if (member.role === Role.ALLY && action.visibility !== Visibility.ALLIES) throw notFound('Action', id);
    return action;
  }

  @Query(() => [Action], {
    description: 'actions where attendedCount reached turnoutGoal (not cancelled), latest first; ALLY callers only visibility ALLIES, counts only',
  })
  turnoutWins(@CurrentMember() member: Member, @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null) {
    return this.turnout.turnoutWins(member, first ?? 20);
  }

  @Mutation(() => Action, { description: 'ORGANISER, LEADER: a new date; ACTION_CONFIRM and ACTION_UPCOMING move with it' })
  rescheduleAction(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string, @Args('startsAt', { type: () => Date }) startsAt: Date) {
    return this.service.reschedule(member, id, startsAt);
  }

  @Mutation(() => Action, { description: 'ORGANISER, LEADER: called off; its reminders are cancelled' })
  cancelAction(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.service.cancel(member, id);
  }

  @Mutation(() => Action, { description: 'ATTENDED, idempotent; a person not on the list is added as ATTENDED; BAD_USER_INPUT for a cancelled action' })
  checkIn(@CurrentMember() member: Member, @Args('actionId', { type: () => ID }) actionId: string, @Args('contactId', { type: () => ID }) contactId: string) {
    return this.turnout.checkIn(member, actionId, contactId);
  }

  @Mutation(() => Action, { description: 'every COMMITTED still unchecked becomes NO_SHOW; ACTION_NO_SHOW is scheduled for the next morning' })
  closeAttendance(@CurrentMember() member: Member, @Args('actionId', { type: () => ID }) actionId: string) {
    return this.turnout.closeAttendance(member, actionId);
  }

  @ResolveField(() => [ActionCallEntry], { description: 'ORGANISER, LEADER: INVITED and COMMITTED people, least recently called first' })
  callList(@Parent() action: Action, @CurrentMember() member: Member) {
    return this.turnout.callList(member, action.id);
  }

  @LoadedField(() => Int, { description: 'ATTENDED so far' })
  async checkInCount(action: Action, member: Member, loaders: Loaders) {
    return (await this.service.counts(loaders, member).load(action.id)).attended;
  }

  @Mutation(() => Action)
  scheduleAction(@CurrentMember() member: Member, @Args('input') input: ActionInput) {
    return this.service.schedule(member, input);
  }

  @Mutation(() => ActionParticipant)
  setParticipation(
    @CurrentMember() member: Member,
    @Args('actionId', { type: () => ID }) actionId: string,
    @Args('contactId', { type: () => ID }) contactId: string,
    @Args('status', { type: () => ParticipationStatus }) status: ParticipationStatus,
  ) {
    return this.service.setParticipation(member, actionId, contactId, status);
  }

  @Mutation(() => Action)
  recordActionOutcome(@CurrentMember() member: Member, @Args('actionId', { type: () => ID }) actionId: string, @Args('outcome') outcome: string) {
    return this.service.recordOutcome(member, actionId, outcome);
  }

  @LoadedField(() => Campaign)
  campaign(action: Action, member: Member, loaders: Loaders) {
    return this.campaigns.byId(loaders, member).load(action.campaignId);
  }

  @LoadedField(() => DecisionMaker, { nullable: true })
  target(action: Action, member: Member, loaders: Loaders) {
    return action.targetId ? this.decisionMakers.byId(loaders, member).load(action.targetId) : null;
  }

  /** What happened, in members' words (it may name people): allies get null. */
  @ResolveField(() => String, { nullable: true, description: 'null for ALLY callers' })
  outcome(@Parent() action: Action, @CurrentMember() member: Member) {
    return member.role === Role.ALLY ? null : action.outcome;
  }

  /** Names stay private: allies get an empty list, only the counts. */
  @LoadedField(() => [ActionParticipant], { description: 'empty for ALLY callers' })
  participants(action: Action, member: Member, loaders: Loaders) {
    if (member.role === Role.ALLY) return [];
    return this.service.participants(loaders, member).load(action.id);
  }

  @LoadedField(() => Int, { description: 'participants who said yes: COMMITTED, ATTENDED or NO_SHOW' })
  async committedCount(action: Action, member: Member, loaders: Loaders) {
    return (await this.service.counts(loaders, member).load(action.id)).committed;
  }

  @LoadedField(() => Int, { description: 'participants ATTENDED' })
  async attendedCount(action: Action, member: Member, loaders: Loaders) {
    return (await this.service.counts(loaders, member).load(action.id)).attended;
  }
}

@Resolver(() => ActionParticipant)
export class ActionParticipantsResolver {
  constructor(
    private readonly contacts: ContactsService,
    private readonly actions: ActionsService,
  ) {}

  @LoadedField(() => Action)
  action(participant: ActionParticipant, member: Member, loaders: Loaders) {
    // A person's participations come with their action already joined (participationsOf).
    return participant.action ?? this.actions.byId(loaders, member).load(participant.actionId);
  }

  @LoadedField(() => Contact)
  contact(participant: ActionParticipant, member: Member, loaders: Loaders) {
    return this.contacts.byId(loaders, member).load(participant.contactId);
  }
}

/** `Campaign.actions`: added here, since campaigns come before actions. */
@Resolver(() => Campaign)
export class CampaignActionsResolver {
  constructor(private readonly service: ActionsService) {}

  @LoadedField(() => [Action])
  actions(campaign: Campaign, member: Member, loaders: Loaders) {
    return this.service.byCampaign(loaders, member).load(campaign.id);
  }
}

/** A person's participations in actions (invited, committed, came…), newest action first. */
@Resolver(() => Contact)
export class ContactParticipationsResolver {
  constructor(private readonly actions: ActionsService) {}

  @LoadedField(() => [ActionParticipant])
  participations(contact: Contact, member: Member, loaders: Loaders) {
    return this.actions.participationsOf(loaders, member).load(contact.id);
  }
}

/** A call-list entry's person. */
@Resolver(() => ActionCallEntry)
export class ActionCallEntryResolver {
  constructor(private readonly contacts: ContactsService) {}

  @LoadedField(() => Contact)
  contact(entry: ActionCallEntry, member: Member, loaders: Loaders) {
    return this.contacts.byId(loaders, member).load(entry.contactId);
  }
}
