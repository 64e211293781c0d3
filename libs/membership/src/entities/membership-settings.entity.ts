import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Organization } from '@rapport/auth';
import { MembershipPeriodKind } from '@rapport/shared';

export const DEFAULT_MEMBERSHIP_SETTINGS = {
  suggestedDuesCents: 1200,
  currency: 'EUR',
  periodKind: MembershipPeriodKind.CALENDAR_YEAR,
  graceDays: 60,
  renewalReminderDays: 30,
} as const;

/**
 * One row per organisation, written on first change (until then the defaults apply).
 * Its row is also the lock that serialises the solidarity fund's withdrawals.
 */
@ObjectType('MembershipSettings')
@Entity('membership_settings')
export class MembershipSettings {
  @PrimaryColumn('uuid')
  organizationId: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Field(() => Int, { description: 'default 1200 (12 €)' })
  @Column('int', { default: DEFAULT_MEMBERSHIP_SETTINGS.suggestedDuesCents })
  suggestedDuesCents: number;

  @Field({ description: 'default "EUR"' })
  @Column('text', { default: DEFAULT_MEMBERSHIP_SETTINGS.currency })
  currency: string;

  @Field(() => MembershipPeriodKind)
  @Column('text', { default: DEFAULT_MEMBERSHIP_SETTINGS.periodKind })
  periodKind: MembershipPeriodKind;

  @Field(() => Int, { description: 'default 60' })
  @Column('int', { default: DEFAULT_MEMBERSHIP_SETTINGS.graceDays })
  graceDays: number;

  @Field(() => Int, { description: 'default 30: the follow-up owner (or every organiser) is reminded this long before a membership ends' })
  @Column('int', { default: DEFAULT_MEMBERSHIP_SETTINGS.renewalReminderDays })
  renewalReminderDays: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
