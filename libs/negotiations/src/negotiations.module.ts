import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NEGOTIATIONS_ENTITIES } from './entities/index.js';

@Module({
  imports: [TypeOrmModule.forFeature(NEGOTIATIONS_ENTITIES)],
  providers: [],
  exports: [],
})
export class NegotiationsModule {}
