import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Member } from '@rapport/core';
import { PrivacyService } from './privacy.service.js';

@Resolver()
export class PrivacyResolver {
  constructor(private readonly service: PrivacyService) {}

  @Mutation(() => String, { description: 'JSON of everything held on the person; ORGANISER only' })
  exportContactData(@CurrentMember() member: Member, @Args('contactId', { type: () => ID }) contactId: string) {
    return this.service.exportContactData(member, contactId);
  }

  @Mutation(() => Boolean, { description: 'removes identity; aggregate counts stay; ORGANISER only' })
  eraseContact(@CurrentMember() member: Member, @Args('contactId', { type: () => ID }) contactId: string) {
    return this.service.eraseContact(member, contactId);
  }
}
