import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Contact } from '@rapport/contacts';
import { ConversationOutcome } from '@rapport/shared';
import { Building } from './building.entity.js';

/**
 * A door of a building. Its visit counters follow the conversations logged at it (one
 * UPDATE in the conversation's transaction), so grids and revisit lists read one table.
 */
@ObjectType('Door')
@Entity('doors')
@Index(['buildingId', 'floor', 'label'], { unique: true })
@Index(['campaignId', 'lastVisitAt'])
export class Door extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Column('uuid')
  buildingId: string;

  @ManyToOne(() => Building, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'building_id' })
  building?: Relation<Building>;

  /** Copied from the building: a batch checks its doors are of one campaign without a join. */
  @Column('uuid')
  campaignId: string;

  @Field(() => Int, { description: '0 = ground floor' })
  @Column('int')
  floor: number;

  @Field({ description: '"3B", "Porte 12"' })
  @Column('text')
  label: string;

  @Field(() => Int)
  @Column('int', { default: 0 })
  visits: number;

  @Field(() => ConversationOutcome, { nullable: true })
  @Column('text', { nullable: true })
  lastOutcome: ConversationOutcome | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  lastVisitAt: Date | null;

  /** Someone talked there at least once: never in a revisit list. */
  @Column('boolean', { default: false })
  talked: boolean;

  @Field({ description: 'someone asked not to be visited again: never in a revisit list' })
  @Column('boolean', { default: false })
  doNotKnock: boolean;

  /** The person last talked to there (hidden from allies; unset when they are erased). */
  @Index()
  @Column('uuid', { nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;
}
