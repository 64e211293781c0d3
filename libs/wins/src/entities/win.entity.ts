import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Campaign } from '@rapport/campaigns';
import { Demand } from '@rapport/decision-makers';
import { Action } from '@rapport/actions';
import { WinSize } from '@rapport/shared';

/** A win, small (a meeting obtained) or major (the office reopens): celebration fights resignation. */
@ObjectType('Win')
@Entity('wins')
@Index(['campaignId', 'wonAt'])
@Index(['organizationId', 'celebrated', 'wonAt'])
export class Win extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;

  @Field()
  @Column('text')
  title: string;

  @Field()
  @Column('timestamptz')
  wonAt: Date;

  @Field(() => WinSize)
  @Column('text')
  size: WinSize;

  @Field()
  @Column('boolean', { default: false })
  celebrated: boolean;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  celebratedAt: Date | null;

  @Column('uuid', { nullable: true })
  celebrationActionId: string | null;

  @ManyToOne(() => Action, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'celebration_action_id' })
  celebrationAction?: Relation<Action>;

  @Column('uuid', { nullable: true })
  demandId: string | null;

  @ManyToOne(() => Demand, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'demand_id' })
  demand?: Relation<Demand>;
}
