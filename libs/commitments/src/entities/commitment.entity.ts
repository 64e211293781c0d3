import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { User } from '@rapport/auth';
import { Contact } from '@rapport/contacts';
import { Campaign } from '@rapport/campaigns';
import { DecisionMaker } from '@rapport/decision-makers';
import { Negotiation } from '@rapport/negotiations';
import { CommitmentStatus } from '@rapport/shared';

/** A promise, by a member ("I'll bring five neighbours") or by a decision-maker ("reopen by January"). */
@ObjectType('Commitment')
@Entity('commitments')
@Check('CHK_commitments_one_party', '("contact_id" IS NULL) <> ("decision_maker_id" IS NULL)')
@Index(['campaignId', 'status'])
@Index(['organizationId', 'status', 'dueAt'])
export class Commitment extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Column('uuid', { nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;

  @Index()
  @Column('uuid', { nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Index()
  @Column('uuid', { nullable: true })
  decisionMakerId: string | null;

  @ManyToOne(() => DecisionMaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decision_maker_id' })
  decisionMaker?: Relation<DecisionMaker>;

  @Index()
  @Column('uuid', { nullable: true })
  negotiationId: string | null;

  @ManyToOne(() => Negotiation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'negotiation_id' })
  negotiation?: Relation<Negotiation>;

  @Field()
  @Column('text')
  description: string;

  @Field()
  @Column('timestamptz')
  dueAt: Date;

  /** When the follow-up owner is reminded (see the reminders). */
  @Column('timestamptz')
  remindAt: Date;

  @Field(() => CommitmentStatus)
  @Column('text', { default: CommitmentStatus.OPEN })
  status: CommitmentStatus;

  @Column('uuid', { nullable: true })
  followUpOwnerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'follow_up_owner_id' })
  followUpOwner?: Relation<User>;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  resolutionNote: string | null;
}
