import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { User } from '@rapport/auth';
import { Campaign } from '@rapport/campaigns';
import { DecisionMaker } from '@rapport/decision-makers';
import { ActionKind, Visibility } from '@rapport/shared';

/** A delegation, a rally, a direct action: what forces the decision-maker to the table. */
@ObjectType('Action')
@Entity('actions')
@Index(['organizationId', 'startsAt'])
@Index(['campaignId', 'startsAt'])
export class Action extends TenantEntity {
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

  @Field(() => ActionKind)
  @Column('text')
  kind: ActionKind;

  @Field()
  @Column('timestamptz')
  startsAt: Date;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  location: string | null;

  @Column('uuid', { nullable: true })
  targetId: string | null;

  @ManyToOne(() => DecisionMaker, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'target_id' })
  target?: Relation<DecisionMaker>;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  turnoutGoal: number | null;

  @Field(() => Visibility)
  @Column('text', { default: Visibility.TEAM })
  visibility: Visibility;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  outcome: string | null;

  /** The member who scheduled it: receives the call list before the action. */
  @Column('uuid', { nullable: true })
  organiserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organiser_id' })
  organiser?: Relation<User>;

  /** Called off: no check-in, its reminders cancelled. */
  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;
}
