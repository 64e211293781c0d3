import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Campaign } from '@rapport/campaigns';
import { ArgumentKind, NegotiationRole, NegotiationStatus } from '@rapport/shared';

export interface StoredArgument {
  kind: ArgumentKind;
  text: string;
}
export interface StoredRole {
  role: NegotiationRole;
  contactId: string;
}

/** A meeting with decision-makers, with the brief the team prepares for it. */
@ObjectType('Negotiation')
@Entity('negotiations')
@Index(['campaignId', 'scheduledAt'])
export class Negotiation extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;

  @Field()
  @Column('timestamptz')
  scheduledAt: Date;

  @Field(() => NegotiationStatus)
  @Column('text', { default: NegotiationStatus.PLANNED })
  status: NegotiationStatus;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  report: string | null;

  // The brief: one per negotiation, edited together by the team.
  @Column('text', { nullable: true })
  objective: string | null;

  @Column('text', { nullable: true })
  ourLeverage: string | null;

  @Column('text', { nullable: true })
  theirInterests: string | null;

  @Column('text', { nullable: true })
  fallback: string | null;

  @Column('text', { nullable: true })
  ifNoAgreement: string | null;

  @Column('uuid', { array: true, default: '{}' })
  briefDemandIds: string[];

  @Column('jsonb', { default: [] })
  briefArguments: StoredArgument[];

  @Column('jsonb', { default: [] })
  briefRoles: StoredRole[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
