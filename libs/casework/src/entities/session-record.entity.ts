import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { SessionSeries } from './session-series.entity.js';

/**
 * One occurrence of a series, stored only once something is recorded on it
 * (attendance, a cancellation): its times are kept, so changing the series later
 * leaves past sessions and their attendance as they were.
 */
@Entity('sessions')
@Index(['seriesId', 'occursOn'], { unique: true })
export class SessionRecord extends TenantEntity {
  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column('uuid')
  seriesId: string;

  @ManyToOne(() => SessionSeries, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'series_id' })
  series?: Relation<SessionSeries>;

  /** The occurrence's day in the organisation's time zone (YYYY-MM-DD): with the series, its identity. */
  @Column('date')
  occursOn: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Column('text', { nullable: true })
  cancelReason: string | null;
}
