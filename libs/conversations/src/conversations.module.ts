import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONVERSATIONS_ENTITIES } from './entities/index.js';

@Module({
  imports: [TypeOrmModule.forFeature(CONVERSATIONS_ENTITIES)],
  providers: [],
  exports: [],
})
export class ConversationsModule {}
