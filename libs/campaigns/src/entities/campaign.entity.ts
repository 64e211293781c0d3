import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { CampaignStage } from '@rapport/shared';

@ObjectType('Campaign')
@Entity('campaigns')
export class Campaign extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  goal: string | null;

  /** The current stage; its history is in campaign_stage_changes. */
  @Field(() => CampaignStage)
  @Column('text', { default: CampaignStage.LISTENING })
  stage: CampaignStage;

  @Field()
  @Column('timestamptz')
  startedAt: Date;
}
