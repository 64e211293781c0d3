import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@rapport/auth';
import { ContactsModule } from '@rapport/contacts';
import { CampaignsModule } from '@rapport/campaigns';
import { RemindersModule } from '@rapport/reminders';
import { CONVERSATIONS_ENTITIES } from './entities/index.js';
import { ConversationRemindersModule } from './reminders/conversation-reminders.js';
import { ConversationsService } from './conversations.service.js';
import { ConversationSessions } from './conversation-sessions.js';
import { ConversationLinks } from './conversation-links.js';
import { ContactConversationsResolver, ConversationsResolver, RaisedIssueResolver } from './conversations.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(CONVERSATIONS_ENTITIES), AuthModule, ContactsModule, CampaignsModule, RemindersModule, ConversationRemindersModule],
  providers: [ConversationsService, ConversationSessions, ConversationLinks, ConversationsResolver, RaisedIssueResolver, ContactConversationsResolver],
  exports: [ConversationsService, ConversationSessions, ConversationLinks],
})
export class ConversationsModule {}
