import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember, notFound, type Loaders, type Member, LoadedField } from '@rapport/core';
import { AuthService, User } from '@rapport/auth';
import { Contact, ContactsService } from '@rapport/contacts';
import { Campaign, CampaignsService } from '@rapport/campaigns';
import { ConversationsService, Issue } from '@rapport/conversations';
import { NegotiationBrief } from '@rapport/negotiations';
import { IssueTally } from '@rapport/dashboard';
import { CaseStatus } from '@rapport/shared';
import { SessionsService } from './sessions.service.js';
import { CasesService } from './cases.service.js';
import { SessionSeries } from './entities/session-series.entity.js';
import { Case } from './entities/case.entity.js';
import { CaseStep } from './entities/case-step.entity.js';
import { CaseEvidence, Session } from './dto/casework.types.js';
import { CaseInput, CaseUpdateInput, EvidenceFilter, SessionSeriesInput } from './dto/casework.input.js';

@Resolver(() => SessionSeries)
export class SessionSeriesResolver {
  constructor(private readonly service: SessionsService) {}

  @Query(() => [SessionSeries], { description: 'members' })
  sessionSeries(@CurrentMember() member: Member) {
    return this.service.listSeries(member);
  }

  @Query(() => [Session], { description: "members; every series' occurrences, ordered by start" })
  sessions(@CurrentMember() member: Member, @Args('from', { type: () => Date }) from: Date, @Args('to', { type: () => Date }) to: Date) {
    return this.service.sessions(member, from, to);
  }

  @Mutation(() => SessionSeries, { description: 'ORGANISER' })
  createSessionSeries(@CurrentMember() member: Member, @Args('input') input: SessionSeriesInput) {
    return this.service.createSeries(member, input);
  }

  @Mutation(() => SessionSeries, { description: 'ORGANISER; past sessions keep their attendance' })
  updateSessionSeries(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string, @Args('input') input: SessionSeriesInput) {
    return this.service.updateSeries(member, id, input);
  }

  @Mutation(() => Session, { description: 'ORGANISER; stays in the feed as cancelled (STATUS:CANCELLED)' })
  cancelSession(
    @CurrentMember() member: Member,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ) {
    return this.service.cancel(member, sessionId, reason);
  }

  @Mutation(() => Session, { description: 'ORGANISER, LEADER; idempotent' })
  recordAttendance(
    @CurrentMember() member: Member,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('contactIds', { type: () => [ID] }) contactIds: string[],
  ) {
    return this.service.recordAttendance(member, sessionId, contactIds);
  }

  @ResolveField('sessions', () => [Session], { description: 'occurrences, cancelled ones included' })
  seriesSessions(
    @Parent() series: SessionSeries,
    @CurrentMember() member: Member,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ) {
    return this.service.sessions(member, from, to, series.id);
  }
}

@Resolver(() => Session)
export class SessionResolver {
  constructor(private readonly sessions: SessionsService) {}

  @LoadedField(() => SessionSeries, { nullable: true })
  series(session: Session, member: Member, loaders: Loaders) {
    return this.sessions.seriesById(loaders, member).load(session.seriesId);
  }

  @LoadedField(() => [Contact], { description: 'members only' })
  async attendees(session: Session, member: Member, loaders: Loaders) {
    return session.recordId ? this.sessions.attendees(loaders, member).load(session.recordId) : [];
  }

  @LoadedField(() => Int)
  async attendeeCount(session: Session, member: Member, loaders: Loaders) {
    return session.recordId ? (await this.sessions.attendees(loaders, member).load(session.recordId)).length : 0;
  }

  @LoadedField(() => Int, { description: 'DROP_IN conversations logged during the session' })
  visits(session: Session, member: Member, loaders: Loaders) {
    return this.sessions.visits(loaders, member).load(session.id);
  }
}

@Resolver(() => Case)
export class CaseResolver {
  constructor(
    private readonly service: CasesService,
    private readonly contacts: ContactsService,
    private readonly campaigns: CampaignsService,
    private readonly conversations: ConversationsService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => [Case], { description: 'ORGANISER, LEADER; newest first' })
  cases(
    @CurrentMember() member: Member,
    @Args('status', { type: () => CaseStatus, nullable: true }) status: CaseStatus | null,
    @Args('ownerId', { type: () => ID, nullable: true }) ownerId: string | null,
    @Args('campaignId', { type: () => ID, nullable: true }) campaignId: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ) {
    return this.service.list(member, { status, ownerId, campaignId, first });
  }

  @Query(() => Case, { nullable: true })
  case(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(member, id);
  }

  @Query(() => CaseEvidence, { description: 'ORGANISER, LEADER' })
  caseEvidence(@CurrentMember() member: Member, @Args('filter', { type: () => EvidenceFilter, nullable: true }) filter: EvidenceFilter | null) {
    return this.service.evidence(member, filter);
  }

  @Mutation(() => Case, { description: 'ORGANISER, LEADER' })
  openCase(@CurrentMember() member: Member, @Args('input') input: CaseInput) {
    return this.service.open(member, input);
  }

  @Mutation(() => Case, { description: 'ORGANISER, LEADER; a status change is also written as a step' })
  updateCase(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string, @Args('input') input: CaseUpdateInput) {
    return this.service.update(member, id, input);
  }

  @Mutation(() => CaseStep, { description: 'ORGANISER, LEADER' })
  addCaseStep(
    @CurrentMember() member: Member,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('note') note: string,
    @Args('at', { type: () => Date, nullable: true }) at: Date | null,
  ) {
    return this.service.addStep(member, caseId, note, at);
  }

  @LoadedField(() => Contact)
  async contact(c: Case, member: Member, loaders: Loaders) {
    const found = await this.contacts.byId(loaders, member).load(c.contactId);
    if (!found) throw notFound('contact', c.contactId);
    return found;
  }

  @LoadedField(() => User, { nullable: true, description: 'the volunteer following it' })
  owner(c: Case, member: Member, loaders: Loaders) {
    return c.ownerId ? this.auth.usersById(loaders, member).load(c.ownerId) : null;
  }

  @LoadedField(() => Issue, { nullable: true, description: "the problem, matched to the organisation's issues like RaisedIssueInput.name" })
  issue(c: Case, member: Member, loaders: Loaders) {
    return c.issueId ? this.conversations.issueById(loaders, member).load(c.issueId) : null;
  }

  @LoadedField(() => Campaign, { nullable: true })
  campaign(c: Case, member: Member, loaders: Loaders) {
    return c.campaignId ? this.campaigns.byId(loaders, member).load(c.campaignId) : null;
  }

  @LoadedField(() => [CaseStep], { description: 'oldest first' })
  steps(c: Case, member: Member, loaders: Loaders) {
    return this.service.stepsByCase(loaders, member).load(c.id);
  }
}

@Resolver(() => CaseStep)
export class CaseStepResolver {
  constructor(private readonly auth: AuthService) {}

  @LoadedField(() => User)
  async by(step: CaseStep, member: Member, loaders: Loaders) {
    const user = step.byId ? await this.auth.usersById(loaders, member).load(step.byId) : null;
    if (!user) throw notFound('member', step.byId ?? undefined);
    return user;
  }
}

/** Cases of a contact: added here, as casework comes after contacts. */
@Resolver(() => Contact)
export class ContactCasesResolver {
  constructor(private readonly service: CasesService) {}

  @LoadedField(() => [Case], { description: 'newest first' })
  cases(contact: Contact, member: Member, loaders: Loaders) {
    return this.service.casesByContact(loaders, member).load(contact.id);
  }
}

@Resolver(() => Campaign)
export class CampaignEvidenceResolver {
  constructor(private readonly cases: CasesService) {}

  @ResolveField(() => CaseEvidence, { description: 'the cases linked to this campaign, counted' })
  evidence(@Parent() campaign: Campaign, @CurrentMember() member: Member) {
    return this.cases.evidenceForCampaign(member, campaign.id);
  }
}

@Resolver(() => NegotiationBrief)
export class BriefEvidenceResolver {
  constructor(private readonly cases: CasesService) {}

  @ResolveField(() => CaseEvidence, { description: "the cases linked to the negotiation's campaign" })
  evidence(@Parent() brief: NegotiationBrief, @CurrentMember() member: Member) {
    return this.cases.evidenceForCampaign(member, brief.negotiation?.campaignId ?? null);
  }
}

/** The listening report's issues get the cases beside the conversations. */
@Resolver(() => IssueTally)
export class IssueTallyCasesResolver {
  constructor(private readonly service: CasesService) {}

  @LoadedField(() => CaseEvidence, { description: "the organisation's cases on this issue, counted (never a name; quotes only of people who gave consent)" })
  cases(tally: IssueTally, member: Member, loaders: Loaders) {
    return this.service.evidenceByIssue(loaders, member).load(tally.issue.id);
  }
}
