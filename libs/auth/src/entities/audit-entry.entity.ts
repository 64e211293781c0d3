import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { User } from './user.entity.js';

/** Who exported or erased whose data, and when (GDPR accountability). */
@ObjectType('AuditEntry')
@Entity('audit_entries')
export class AuditEntry extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  @Column('uuid')
  actorUserId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'actor_user_id' })
  actor?: Relation<User>;

  @Field({ description: 'EXPORT_CONTACT or ERASE_CONTACT' })
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
