import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@rapport/auth';
import { CONTACTS_ENTITIES } from './entities/index.js';
import { ContactsService } from './contacts.service.js';
import { ContactsResolver } from './contacts.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(CONTACTS_ENTITIES), AuthModule],
  providers: [ContactsService, ContactsResolver],
  exports: [ContactsService],
})
export class ContactsModule {}
