import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Member } from '@rapport/core';
import { ContactsService } from './contacts.service.js';
import { Contact } from './entities/contact.entity.js';
import { ContactFilter, ContactInput } from './dto/contact.input.js';
import { ContactConnection } from './dto/contact-connection.type.js';

@Resolver(() => Contact)
export class ContactsResolver {
  constructor(private readonly service: ContactsService) {}

  @Query(() => ContactConnection)
  contacts(
    @CurrentMember() member: Member,
    @Args('filter', { type: () => ContactFilter, nullable: true }) filter: ContactFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.service.list(member, filter, first ?? 50, after);
  }

  @Query(() => Contact, { nullable: true })
  contact(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.service.find(member, id);
  }

  @Mutation(() => Contact)
  createContact(@CurrentMember() member: Member, @Args('input') input: ContactInput) {
    return this.service.create(member, input);
  }

  @Mutation(() => Contact)
  updateContact(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string, @Args('input') input: ContactInput) {
    return this.service.update(member, id, input);
  }
}
