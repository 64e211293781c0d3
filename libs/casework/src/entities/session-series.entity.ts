import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { SessionKind, Visibility } from '@rapport/shared';

/**
 * A recurring slot: "every Tuesday 10:00–12:30 at 4 rue du Bourbonnais". Its
 * occurrences are computed from the rule (session-occurrences.ts); one is stored
 * (SessionRecord) only once something is recorded on it.
 */
@ObjectType('SessionSeries')
@Entity('session_series')
export class SessionSeries extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Field(() => SessionKind)
  @Column('text')
  kind: SessionKind;

  @Field()
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  location: string | null;

  @Field({ description: 'RFC 5545 recurrence rule, e.g. "FREQ=WEEKLY;BYDAY=TU"' })
  @Column('text')
  rrule: string;

  /** The first day the rule counts from (YYYY-MM-DD, in the organisation's time zone): DTSTART's date. */
  @Column('date')
  startsOn: string;

  @Field({ description: '"10:00", in the organisation\'s time zone' })
  @Column('text')
  startTime: string;

  @Field({ description: '"12:30"' })
  @Column('text')
  endTime: string;

  @Field(() => Visibility, { description: 'ALLIES: in the ally view and the calendar feed, with its recurrence' })
  @Column('text', { default: Visibility.TEAM })
  visibility: Visibility;
}
