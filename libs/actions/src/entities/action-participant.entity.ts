import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Contact } from '@rapport/contacts';
import { ParticipationStatus } from '@rapport/shared';
import { Action } from './action.entity.js';

@ObjectType('ActionParticipant')
@Entity('action_participants')
@Index(['actionId', 'contactId'], { unique: true })
@Index(['contactId'])
export class ActionParticipant extends TenantEntity {
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => Action, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id' })
  action?: Relation<Action>;

  @Column('uuid')
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Field(() => ParticipationStatus)
  @Column('text')
  status: ParticipationStatus;

  /** The last PHONE call about this action (logConversation with actionId): the call list's order. */
  @Column('timestamptz', { nullable: true })
  lastCallAt: Date | null;

  /** What the person said on that call (members only; cleared on erasure). */
  @Column('text', { nullable: true })
  lastCallNote: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
