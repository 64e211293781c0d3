import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Member } from '@rapport/core';
import { ContactFilter } from '@rapport/contacts';
import { ExportFormat } from '@rapport/shared';
import { ExportsService } from './exports.service.js';

@Resolver()
export class ExportsResolver {
  constructor(private readonly exports: ExportsService) {}

  @Mutation(() => String, {
    description: 'ORGANISER only, audited: a one-time download URL (valid 10 minutes) of the filtered contacts, as CSV (UTF-8 with BOM, `;`) or XLSX',
  })
  exportContacts(
    @CurrentMember() member: Member,
    @Args('filter', { type: () => ContactFilter, nullable: true }) filter: ContactFilter | null,
    @Args('format', { type: () => ExportFormat, nullable: true, defaultValue: ExportFormat.CSV }) format: ExportFormat,
  ) {
    return this.exports.create(member, filter, format ?? ExportFormat.CSV);
  }
}
