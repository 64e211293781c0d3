import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COMMITMENTS_ENTITIES } from './entities/index.js';

@Module({
  imports: [TypeOrmModule.forFeature(COMMITMENTS_ENTITIES)],
  providers: [],
  exports: [],
})
export class CommitmentsModule {}
