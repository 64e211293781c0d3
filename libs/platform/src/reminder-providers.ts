import type { Type } from '@nestjs/common';
import { CommitmentRemindersModule } from '@rapport/commitments';
import { ConversationRemindersModule } from '@rapport/conversations';
import { ActionRemindersModule } from '@rapport/actions';
import { MembershipRemindersModule } from '@rapport/membership';
import { CaseRemindersModule } from '@rapport/casework';

/**
 * The contexts whose reminders the worker sends: each module registers its context's
 * ReminderProvider (and digest section). The api gets them through the domain modules;
 * the worker imports these alone. A context with a new kind of reminder adds its module
 * here (the worker refuses to start while a kind has no provider).
 */
export const REMINDER_PROVIDER_MODULES: Type[] = [
  CommitmentRemindersModule,
  ConversationRemindersModule,
  ActionRemindersModule,
  MembershipRemindersModule,
  CaseRemindersModule,
];
