import { Field, ObjectType } from '@nestjs/graphql';
import { Organization } from '../entities/organization.entity.js';
import { User } from '../entities/user.entity.js';

@ObjectType()
export class AuthPayload {
  @Field()
  token: string;

  @Field(() => User)
  user: User;

  @Field(() => Organization)
  organization: Organization;
}
