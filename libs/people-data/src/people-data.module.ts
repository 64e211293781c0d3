import { Module } from '@nestjs/common';

/**
 * People data: spreadsheet imports (analysed in the api, run in the worker), duplicate
 * candidates and merges, and exports of the contact list. Split by role into
 * src/imports, src/duplicates and src/exports.
 */
@Module({
  imports: [],
  providers: [],
  exports: [],
})
export class PeopleDataModule {}
