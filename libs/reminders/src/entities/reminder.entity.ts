import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { User } from '@rapport/auth';
import { ReminderKind, ReminderStatus } from '@rapport/shared';

/**
 * A reminder's truth: this row. The BullMQ job (job id = this id) only wakes the
 * worker at `remindAt`; the worker claims the row before sending, so it goes once.
 * The subject (commitment, conversation, action or membership) is referenced without a foreign
 * key: reminders outlive nothing and are swept with their subject's organisation.
 */
@ObjectType('Reminder')
@Entity('reminders')
@Index(['status', 'remindAt'])
@Index(['recipientUserId', 'status'])
export class Reminder extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Field(() => ReminderKind)
  @Column('text')
  kind: ReminderKind;

  @Field()
  @Column('timestamptz')
  remindAt: Date;

  @Field(() => ReminderStatus)
  @Column('text', { default: ReminderStatus.SCHEDULED })
  status: ReminderStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Field(() => Int)
  @Column('int', { default: 0 })
  attempts: number;

  /** Why the last attempt failed (kept for organisers when FAILED). */
  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  lastError: string | null;

  /** The member reminded (in-app, and by email when SMTP is set). */
  @Index()
  @Column('uuid', { nullable: true })
  recipientUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id' })
  recipient?: Relation<User>;

  @Index()
  @Column('uuid', { nullable: true })
  commitmentId: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  conversationId: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  actionId: string | null;

  /** A membership about to end (MEMBERSHIP_RENEWAL; see libs/membership). */
  @Index()
  @Column('uuid', { nullable: true })
  membershipId: string | null;

  /** A case whose next step is due (CASE_NEXT_STEP; see libs/casework). */
  @Index()
  @Column('uuid', { nullable: true })
  caseId: string | null;

  /** When its recipient marked it done from the list (a pending one is then never sent). */
  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  doneAt: Date | null;

  /** When the worker claimed it (a claim older than a few minutes is taken over). */
  @Column('timestamptz', { nullable: true })
  claimedAt: Date | null;
}
