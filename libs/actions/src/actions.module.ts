import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACTIONS_ENTITIES } from './entities/index.js';

@Module({
  imports: [TypeOrmModule.forFeature(ACTIONS_ENTITIES)],
  providers: [],
  exports: [],
})
export class ActionsModule {}
