import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization, User } from '@rapport/auth';
import { Case } from './case.entity.js';

/** A dated step of a case: a call to the CAF, a letter sent, an answer received. */
@ObjectType('CaseStep')
@Entity('case_steps')
@Index(['caseId', 'at'])
export class CaseStep extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column('uuid')
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Field()
  @Column('timestamptz')
  at: Date;

  @Column('uuid', { nullable: true })
  byId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'by_id' })
  by?: Relation<User>;

  @Field()
  @Column('text')
  note: string;
}
