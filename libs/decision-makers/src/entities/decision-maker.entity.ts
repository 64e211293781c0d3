import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '@rapport/db';

/** A person who can grant (or refuse) our demands: a director, a mayor, an agency. */
@ObjectType('DecisionMaker')
@Entity('decision_makers')
export class DecisionMaker extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  institution: string | null;

  @Field(() => Int, { description: '1..5: how much this person can grant our demands' })
  @Column('int', { default: 3 })
  power: number;

  @Field(() => Int, { description: '-2 (opponent) .. +2 (ally)' })
  @Column('int', { default: 0 })
  stance: number;
}
