import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Role } from '@rapport/shared';
import { Organization } from './organization.entity.js';

/** A member of one organisation: organiser, leader or ally. */
@ObjectType('User')
@Entity('users')
export class User extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  /** Stored lower-case; unique across Rapport so that sign-in needs only the email. */
  @Field()
  @Index({ unique: true })
  @Column('text')
  email: string;

  @Column('text')
  passwordHash: string;

  @Field()
  @Column('text')
  displayName: string;

  @Field(() => Role, { description: "role in the caller's organisation" })
  @Column('text')
  role: Role;

  /** null: the organisation's locale. */
  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  locale: string | null;

  /**
   * When an organiser removed this member. The row stays so that what they logged
   * keeps their name; the email is released and the password can no longer match.
   */
  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;
}
