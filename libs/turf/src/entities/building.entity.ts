import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { Campaign } from '@rapport/campaigns';

/** A building of a campaign's turf ("Tour Kennedy B"): its doors are created with it. */
@ObjectType('Building')
@Entity('buildings')
// One building per campaign, street, number and name (matched without case or accents).
@Index(['campaignId', 'dedupeKey'], { unique: true })
export class Building extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column('uuid')
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;

  @Field()
  @Column('text')
  street: string;

  @Field()
  @Column('text')
  number: string;

  @Field(() => String, { nullable: true, description: '"Tour Kennedy B"' })
  @Column('text', { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  city: string | null;

  @Field(() => Int, { description: 'floors above the ground floor count: 1..60' })
  @Column('int')
  floors: number;

  /** normalizeForMatch(street|number|name): what a duplicate is. */
  @Column('text')
  dedupeKey: string;
}
