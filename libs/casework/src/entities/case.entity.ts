import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization, User } from '@rapport/auth';
import { Contact } from '@rapport/contacts';
import { Campaign } from '@rapport/campaigns';
import { Issue } from '@rapport/conversations';
import { CaseStatus } from '@rapport/shared';

/**
 * One person's problem with an agency, followed across visits. The summary and the
 * steps are among the most sensitive texts Rapport holds: members only, exported
 * and erased with the person.
 */
@ObjectType('Case')
@Entity('cases')
@Index(['organizationId', 'openedAt'])
@Index(['organizationId', 'ownerId', 'nextStepAt'])
export class Case extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Index()
  @Column('uuid')
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  /** The volunteer following it (null: the opener is reminded). */
  @Column('uuid', { nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<User>;

  @Column('uuid', { nullable: true })
  openedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'opened_by_id' })
  openedBy?: Relation<User>;

  @Field({ description: 'matched like issues: case-, accent- and space-insensitive, first spelling kept' })
  @Column('text')
  agency: string;

  @Column('text')
  agencyNormalized: string;

  @Column('uuid', { nullable: true })
  issueId: string | null;

  @ManyToOne(() => Issue, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'issue_id' })
  issue?: Relation<Issue>;

  @Field()
  @Column('text')
  summary: string;

  @Field(() => CaseStatus)
  @Column('text', { default: CaseStatus.OPEN })
  status: CaseStatus;

  @Field()
  @Column('timestamptz')
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'a CASE_NEXT_STEP reminder to the owner (or the opener) is kept in step with it' })
  @Column('timestamptz', { nullable: true })
  nextStepAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'money recovered for the person (benefits restored, overpayment cancelled), in cents' })
  @Column('int', { nullable: true })
  recoveredCents: number | null;

  @Index()
  @Column('uuid', { nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;

  /** The session where it was opened (see sessions.ts for the id's form). */
  @Column('text', { nullable: true })
  sessionId: string | null;
}
