import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { AuthModule } from '@rapport/auth';
import { PEOPLE_DATA_ENTITIES } from './entities/index.js';
import { IMPORT_QUEUE } from './imports/import.enums.js';
import { ImportsService } from './imports/imports.service.js';
import { ImportsResolver } from './imports/imports.resolver.js';
import { ImportsController, ImportsHttpGuard } from './imports/imports.controller.js';

/**
 * People data: spreadsheet imports (analysed in the api, run in the worker), duplicate
 * candidates and merges, and exports of the contact list. Split by role into
 * src/imports, src/duplicates and src/exports.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(PEOPLE_DATA_ENTITIES),
    AuthModule,
    // imports
    BullModule.registerQueue({ name: IMPORT_QUEUE }),
  ],
  controllers: [
    // imports
    ImportsController,
  ],
  providers: [
    // imports
    ImportsService,
    ImportsResolver,
    ImportsHttpGuard,
  ],
  exports: [],
})
export class PeopleDataModule {}
