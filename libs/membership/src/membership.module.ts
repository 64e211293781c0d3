import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@rapport/auth';
import { ContactsModule } from '@rapport/contacts';
import { RemindersModule } from '@rapport/reminders';
import { MEMBERSHIP_ENTITIES } from './entities/index.js';
import { MembershipService } from './membership.service.js';
import { MembershipRemindersModule } from './membership-reminders.js';
import { ContactMembershipResolver, DuesPaymentFieldsResolver, MembershipFieldsResolver, MembershipResolver } from './membership.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(MEMBERSHIP_ENTITIES), AuthModule, ContactsModule, RemindersModule, MembershipRemindersModule],
  providers: [MembershipService, MembershipResolver, ContactMembershipResolver, MembershipFieldsResolver, DuesPaymentFieldsResolver],
  exports: [MembershipService],
})
export class MembershipModule {}
