import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Contact } from '../entities/contact.entity.js';

@ObjectType()
export class ContactEdge {
  @Field()
  cursor: string;

  @Field(() => Contact)
  node: Contact;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class ContactConnection {
  @Field(() => [ContactEdge])
  edges: ContactEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
