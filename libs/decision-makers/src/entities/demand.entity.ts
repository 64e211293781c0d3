import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Campaign } from '@rapport/campaigns';
import { DemandStatus } from '@rapport/shared';
import { DecisionMaker } from './decision-maker.entity.js';

/** A concrete, winnable demand, aimed at the decision-maker who can grant it. */
@ObjectType('Demand')
@Entity('demands')
@Index(['campaignId', 'status'])
export class Demand extends TenantEntity {
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

  @Index()
  @Column('uuid', { nullable: true })
  targetId: string | null;

  @ManyToOne(() => DecisionMaker, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'target_id' })
  target?: Relation<DecisionMaker>;

  @Field(() => DemandStatus)
  @Column('text', { default: DemandStatus.DRAFT })
  status: DemandStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  deadline: Date | null;
}
