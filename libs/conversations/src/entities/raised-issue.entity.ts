import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Conversation } from './conversation.entity.js';
import { Issue } from './issue.entity.js';

/** An issue raised in one conversation: how angry, and the words used. */
@ObjectType('RaisedIssue')
@Entity('raised_issues')
@Index(['conversationId'])
@Index(['issueId'])
export class RaisedIssue extends TenantEntity {
  @Column('uuid')
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Relation<Conversation>;

  @Column('uuid')
  issueId: string;

  @ManyToOne(() => Issue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_id' })
  issue?: Relation<Issue>;

  @Field(() => Int, { description: '1..5, how angry' })
  @Column('int')
  intensity: number;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  quote: string | null;
}
