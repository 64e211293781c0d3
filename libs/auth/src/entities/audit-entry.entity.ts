import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { User } from './user.entity.js';

/** Who exported or erased whose data, who changed the team or its access, and when or consent (GDPR accountability). */
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

  @Field({
    description:
      'EXPORT_CONTACT, ERASE_CONTACT, PURGE_CONTACT; team and access: CREATE_ORGANIZATION (org:create), INVITE_MEMBER, REVOKE_INVITATION, ACCEPT_INVITATION, ADD_MEMBER, CHANGE_MEMBER_ROLE, REMOVE_MEMBER, CHANGE_PASSWORD, REQUEST_PASSWORD_RESET, RESET_PASSWORD, SIGN_OUT_EVERYWHERE; CONSENT_CHANGE',
  })
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
