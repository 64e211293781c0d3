import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { User } from '@rapport/auth';
import { Contact } from '@rapport/contacts';
import { Campaign } from '@rapport/campaigns';
import { ConversationKind, ConversationOutcome } from '@rapport/shared';

@ObjectType('Conversation')
@Entity('conversations')
// A phone retrying after losing signal sends the same clientId again: one row, always.
@Index(['organizationId', 'clientId'], { unique: true })
@Index(['campaignId', 'occurredAt'])
@Index(['contactId'])
export class Conversation extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'idempotency key chosen by the client (offline capture)' })
  @Column('text', { nullable: true })
  clientId: string | null;

  @Field(() => ConversationKind)
  @Column('text')
  kind: ConversationKind;

  @Field(() => ConversationOutcome)
  @Column('text')
  outcome: ConversationOutcome;

  @Field()
  @Column('timestamptz')
  occurredAt: Date;

  @Column('uuid', { nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Index()
  @Column('uuid')
  organiserId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'organiser_id' })
  organiser?: Relation<User>;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  street: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  building: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  door: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  selfInterest: string | null;

  @Field(() => Int, { nullable: true, description: '1..5' })
  @Column('int', { nullable: true })
  interestLevel: number | null;

  @Field()
  @Column('boolean', { default: false })
  leadershipPotential: boolean;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  followUpAt: Date | null;

  @Field(() => String, { nullable: true, description: 'private: never shown to ALLY' })
  @Column('text', { nullable: true })
  notes: string | null;

  /** The session it was logged during (a DROP_IN at a permanence; libs/casework). */
  @Index()
  @Column('text', { nullable: true })
  sessionId: string | null;

  /** The door it happened at (libs/turf): the door's visits and last outcome follow. */
  @Index()
  @Column('uuid', { nullable: true })
  doorId: string | null;

  /** A call about an action (libs/actions turnout): the participation follows. */
  @Index()
  @Column('uuid', { nullable: true })
  actionId: string | null;
}
