import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
import { AuthService, User } from '@rapport/auth';
import { Campaign, CampaignsService } from '@rapport/campaigns';
import { Contact, ContactsService } from '@rapport/contacts';
import { ConversationsService } from './conversations.service.js';
import { Conversation } from './entities/conversation.entity.js';
import { Issue } from './entities/issue.entity.js';
import { RaisedIssue } from './entities/raised-issue.entity.js';
import { LogConversationInput } from './dto/log-conversation.input.js';

@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(
    private readonly service: ConversationsService,
    private readonly campaigns: CampaignsService,
    private readonly contacts: ContactsService,
    private readonly auth: AuthService,
  ) {}

  @Mutation(() => Conversation)
  logConversation(@CurrentMember() member: Member, @Args('input') input: LogConversationInput) {
    return this.service.log(member, input);
  }

  @Query(() => [Conversation], { description: 'newest first' })
  conversations(
    @CurrentMember() member: Member,
    @Args('campaignId', { type: () => ID, nullable: true }) campaignId: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ) {
    return this.service.list(member, campaignId, first ?? 50);
  }

  @Query(() => [Issue], { description: "The organisation's issues, by name: what the field form offers" })
  issues(@CurrentMember() member: Member) {
    return this.service.issues(member);
  }

  @LoadedField(() => Campaign, { nullable: true })
  campaign(c: Conversation, member: Member, loaders: Loaders) {
    return c.campaignId ? this.campaigns.byId(loaders, member).load(c.campaignId) : null;
  }

  @LoadedField(() => Contact, { nullable: true })
  contact(c: Conversation, member: Member, loaders: Loaders) {
    return c.contactId ? this.contacts.byId(loaders, member).load(c.contactId) : null;
  }

  @LoadedField(() => User)
  organiser(c: Conversation, member: Member, loaders: Loaders) {
    return this.auth.usersById(loaders, member).load(c.organiserId);
  }

  @LoadedField('issues', () => [RaisedIssue])
  raisedIssues(c: Conversation, member: Member, loaders: Loaders) {
    return this.service.raisedIssuesByConversation(loaders, member).load(c.id);
  }
}

@Resolver(() => RaisedIssue)
export class RaisedIssueResolver {
  constructor(private readonly service: ConversationsService) {}

  @LoadedField(() => Issue)
  issue(r: RaisedIssue, member: Member, loaders: Loaders) {
    return r.issue ?? this.service.issueById(loaders, member).load(r.issueId);
  }
}

@Resolver(() => Contact)
export class ContactConversationsResolver {
  constructor(private readonly service: ConversationsService) {}

  @LoadedField(() => [Conversation], { description: 'newest first' })
  conversations(contact: Contact, member: Member, loaders: Loaders) {
    return this.service.conversationsByContact(loaders, member).load(contact.id);
  }
}
