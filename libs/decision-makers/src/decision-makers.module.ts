import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DECISION_MAKERS_ENTITIES } from './entities/index.js';

@Module({
  imports: [TypeOrmModule.forFeature(DECISION_MAKERS_ENTITIES)],
  providers: [],
  exports: [],
})
export class DecisionMakersModule {}
