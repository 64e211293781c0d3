import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { CampaignStage } from '@rapport/shared';
import { Campaign } from './campaign.entity.js';

/** One move of a campaign to a stage; the first is LISTENING at startedAt. */
@ObjectType('StageChange')
@Entity('campaign_stage_changes')
@Index(['campaignId', 'enteredAt'])
export class StageChange extends TenantEntity {
  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;

  @Field(() => CampaignStage)
  @Column('text')
  stage: CampaignStage;

  @Field()
  @Column('timestamptz')
  enteredAt: Date;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;
}
