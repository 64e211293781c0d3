import { Module } from '@nestjs/common';
import { AuthModule } from '@rapport/auth';
import { ContactsModule } from '@rapport/contacts';
import { RemindersModule } from '@rapport/reminders';
import { MembershipModule } from '@rapport/membership';
import { CaseworkModule } from '@rapport/casework';
import { TurfModule } from '@rapport/turf';
import { ConversationsModule } from '@rapport/conversations';
import { CommitmentsModule } from '@rapport/commitments';
import { PrivacyService } from './privacy.service.js';
import { PrivacyResolver } from './privacy.resolver.js';

@Module({
  imports: [AuthModule, ContactsModule, ConversationsModule, CommitmentsModule, RemindersModule, MembershipModule, CaseworkModule, TurfModule],
  providers: [PrivacyService, PrivacyResolver],
  exports: [PrivacyService],
})
export class PrivacyModule {}
