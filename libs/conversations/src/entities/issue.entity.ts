import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@rapport/db';

/** An anger (colère) heard in the neighbourhood. The first spelling seen is kept for display. */
@ObjectType('Issue')
@Entity('issues')
@Index(['organizationId', 'normalizedName'], { unique: true })
export class Issue extends TenantEntity {
  @Field(() => ID)
  id: string;

  @Field()
  @Column('text')
  name: string;

  /** Lower case, no accents, single spaces: two spellings of one issue meet here. */
  @Column('text')
  normalizedName: string;
}
