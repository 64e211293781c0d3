import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RegisterOrganizationInput {
  @Field()
  organizationName: string;

  @Field()
  email: string;

  @Field({ description: '12+ characters' })
  password: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  locale?: string | null;
}
