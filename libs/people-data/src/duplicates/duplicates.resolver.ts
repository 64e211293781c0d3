import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Member } from '@rapport/core';
import { Contact } from '@rapport/contacts';
import { DuplicatePair } from './duplicate-pair.type.js';
import { DuplicatesService, MAX_CANDIDATES } from './duplicates.service.js';
import { MergeService } from './merge.service.js';

@Resolver(() => DuplicatePair)
export class DuplicatesResolver {
  constructor(
    private readonly duplicates: DuplicatesService,
    private readonly merges: MergeService,
  ) {}

  @Query(() => [DuplicatePair], { description: `Likely duplicates, best score first (at most ${MAX_CANDIDATES})` })
  duplicateCandidates(@CurrentMember() member: Member, @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number) {
    return this.duplicates.candidates(member, first ?? 50);
  }

  @Mutation(() => Contact)
  mergeContacts(@CurrentMember() member: Member, @Args('keepId', { type: () => ID }) keepId: string, @Args('dropId', { type: () => ID }) dropId: string) {
    return this.merges.merge(member, keepId, dropId);
  }

  @Mutation(() => Boolean)
  dismissDuplicate(@CurrentMember() member: Member, @Args('aId', { type: () => ID }) aId: string, @Args('bId', { type: () => ID }) bId: string) {
    return this.duplicates.dismiss(member, aId, bId);
  }
}
