import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType('Organization')
@Entity('organizations')
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field({ description: '"fr" (default) or "en"' })
  @Column('text', { default: 'fr' })
  locale: string;

  @Field({ description: 'IANA, default "Europe/Paris"' })
  @Column('text', { default: 'Europe/Paris' })
  timezone: string;

  /** Secret part of the calendar feed URL; rotating it kills old subscriptions. */
  @Column('text', { unique: true })
  calendarToken: string;

  /** How long before an action its ACTION_UPCOMING reminders go out. */
  @Column('int', { default: 24 })
  actionReminderHours: number;

  /** Contacts not seen for this long are purged (privacy). */
  @Column('int', { default: 36 })
  retentionMonths: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
