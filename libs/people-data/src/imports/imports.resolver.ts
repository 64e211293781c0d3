import { Args, Field, ID, InputType, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Member } from '@rapport/core';
import { ImportJob } from '../entities/import-job.entity.js';
import { ImportRowError } from '../entities/import-row-error.entity.js';
import { DedupeRule } from '@rapport/shared';
import { ImportsService } from './imports.service.js';

@InputType()
export class ColumnMappingInput {
  @Field()
  column: string;

  @Field(() => String, { nullable: true })
  field?: string | null;
}

@Resolver(() => ImportJob)
export class ImportsResolver {
  constructor(private readonly imports: ImportsService) {}

  @Query(() => ImportJob, { nullable: true, description: 'ORGANISER' })
  importJob(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.imports.get(member, id);
  }

  @Query(() => [ImportJob], { description: 'ORGANISER, newest first' })
  importJobs(@CurrentMember() member: Member, @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number) {
    return this.imports.list(member, first ?? 20);
  }

  @Mutation(() => ImportJob, {
    description:
      'ORGANISER. Starts (or, with dryRun, simulates: same counts and errors, nothing written) the import in the worker; progress is read from importJob. Running the same file twice with PHONE_OR_EMAIL creates nobody twice.',
  })
  runImport(
    @CurrentMember() member: Member,
    @Args('id', { type: () => ID }) id: string,
    @Args('mapping', { type: () => [ColumnMappingInput] }) mapping: ColumnMappingInput[],
    @Args('dedupe', { type: () => DedupeRule, nullable: true, defaultValue: DedupeRule.PHONE_OR_EMAIL }) dedupe: DedupeRule,
    @Args('tags', { type: () => [String], nullable: true }) tags: string[] | null,
    @Args('dryRun', { type: () => Boolean, nullable: true, defaultValue: false }) dryRun: boolean,
  ) {
    return this.imports.run(member, id, mapping, dedupe ?? DedupeRule.PHONE_OR_EMAIL, tags, dryRun ?? false);
  }

  @Mutation(() => ImportJob, { description: 'rows already written stay; the job says how many' })
  cancelImport(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.imports.cancel(member, id);
  }

  @ResolveField(() => [ImportRowError])
  errors(@Parent() job: ImportJob, @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number) {
    return this.imports.errors(job, first ?? 100);
  }
}
