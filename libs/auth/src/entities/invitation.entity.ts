import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Role } from '@rapport/shared';
import { User } from './user.entity.js';

/**
 * An invitation to join an organisation: a one-time link, valid 7 days. Only the
 * SHA-256 of its secret is stored, so the database cannot rebuild the link.
 */
@ObjectType('Invitation')
@Entity('invitations')
export class Invitation extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Field()
  @Column('text')
  email: string;

  @Field()
  @Column('text')
  displayName: string;

  @Field(() => Role)
  @Column('text')
  role: Role;

  @Column('uuid')
  invitedByUserId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by_user_id' })
  invitedBy?: Relation<User>;

  @Index({ unique: true })
  @Column('text')
  tokenHash: string;

  @Field({ description: '7 days after it was made' })
  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  /** Set only on the answer to inviteMember, when no email could be sent (never stored). */
  @Field(() => String, { nullable: true, description: 'the one-time link; given only to organisers, and only when no email could be sent (SMTP_URL unset)' })
  acceptUrl?: string | null;
}
