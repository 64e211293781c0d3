import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@rapport/auth';
import { ContactsModule } from '@rapport/contacts';
import { PEOPLE_DATA_ENTITIES } from './entities/index.js';
import { DuplicatesService } from './duplicates/duplicates.service.js';
import { MergeService } from './duplicates/merge.service.js';
import { DuplicatesResolver } from './duplicates/duplicates.resolver.js';
import { ExportsService } from './exports/exports.service.js';
import { ExportsResolver } from './exports/exports.resolver.js';
import { ExportsController } from './exports/exports.controller.js';
import { BullModule } from '@nestjs/bullmq';
import { IMPORT_QUEUE } from './imports/import.queue.js';
import { ImportsService } from './imports/imports.service.js';
import { ImportsResolver } from './imports/imports.resolver.js';
import { ImportsController, ImportsHttpGuard } from './imports/imports.controller.js';

/**
 * People data: spreadsheet imports (analysed in the api, run in the worker), duplicate
 * candidates and merges, and exports of the contact list. Split by role into
 * src/imports, src/duplicates and src/exports.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PEOPLE_DATA_ENTITIES), AuthModule, ContactsModule, BullModule.registerQueue({ name: IMPORT_QUEUE })],
  controllers: [ImportsController, ExportsController],
  providers: [ImportsService, ImportsResolver, ImportsHttpGuard, DuplicatesService, MergeService, DuplicatesResolver, ExportsService, ExportsResolver],
  exports: [],
})
export class PeopleDataModule {}
