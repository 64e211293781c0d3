import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { AllyRole } from '@rapport/shared';

/** A person met in the neighbourhood. Erasure blanks the identity but keeps the row, so counts stay true. */
@ObjectType('Contact')
@Entity('contacts')
@Index(['organizationId', 'sortKey', 'id'])
@Index('IDX_contacts_search_trgm', { synchronize: false }) // GIN trigram index, created in the migration
// Same phone, same email (duplicate candidates, imports' dedupe): partial, on living contacts;
// created in the people-data migration.
@Index('IDX_contacts_org_phone', { synchronize: false })
@Index('IDX_contacts_org_email', { synchronize: false })
export class Contact extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Field()
  @Column('text')
  firstName: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  lastName: string | null;

  /** E.164 */
  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  street: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  building: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  neighbourhood: string | null;

  @Field(() => [String])
  @Column('text', { array: true, default: '{}' })
  languages: string[];

  @Field(() => [AllyRole])
  @Column('text', { array: true, default: '{}' })
  allyRoles: AllyRole[];

  @Field()
  @Column('boolean', { default: false })
  isLeader: boolean;

  @Field(() => [String])
  @Column('text', { array: true, default: '{}' })
  tags: string[];

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  consentGivenAt: Date | null;

  /** Names, phone and email without accents or case: what `search` matches. */
  @Column('text', { default: '' })
  searchText: string;

  /** "last first" without accents: the stable order of the contact list. */
  @Column('text', { default: '' })
  sortKey: string;

  /** Last conversation or update: contacts not seen for the retention period are purged. */
  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when the person was erased: identity removed, counts kept' })
  @Column('timestamptz', { nullable: true })
  erasedAt: Date | null;

  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
