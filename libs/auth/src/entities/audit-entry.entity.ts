import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { User } from './user.entity.js';

/** Who exported or erased whose data, or changed someone's consent, and when (GDPR accountability). */
@ObjectType('AuditEntry')
@Entity('audit_entries')
export class AuditEntry extends TenantEntity {
  @Field(() => ID)
  id: string;

  /** null: Rapport itself (the retention purge). */
  @Field(() => ID, { nullable: true, description: 'null when Rapport did it (retention purge)' })
  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'actor_user_id' })
  actor?: Relation<User>;

  @Field({ description: 'EXPORT_CONTACT, ERASE_CONTACT, PURGE_CONTACT or CONSENT_CHANGE' })
  @Column('text')
  action: string;

  @Field()
  @Column('text')
  subjectType: string;

  @Field(() => ID)
  @Column('uuid')
  subjectId: string;

  @Field({ name: 'at' })
  createdAt: Date;
}
