import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Contact } from '@rapport/contacts';

/**
 * Why two records look like one person. Stable codes (the web app words them in
 * French or English): SAME_PHONE, SAME_EMAIL, SIMILAR_NAME_SAME_BUILDING, SIMILAR_NAME_SAME_STREET.
 */
export const DUPLICATE_REASONS = ['SAME_PHONE', 'SAME_EMAIL', 'SIMILAR_NAME_SAME_BUILDING', 'SIMILAR_NAME_SAME_STREET'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

@ObjectType('DuplicatePair')
export class DuplicatePair {
  @Field(() => Contact)
  a: Contact;

  @Field(() => Contact)
  b: Contact;

  @Field(() => Float, { description: '0..1: how likely the two records are one person' })
  score: number;

  @Field(() => [String], {
    description: 'Stable codes, worded by the client: SAME_PHONE, SAME_EMAIL, SIMILAR_NAME_SAME_BUILDING, SIMILAR_NAME_SAME_STREET',
  })
  reasons: DuplicateReason[];
}
