import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WINS_ENTITIES } from './entities/index.js';

@Module({
  imports: [TypeOrmModule.forFeature(WINS_ENTITIES)],
  providers: [],
  exports: [],
})
export class WinsModule {}
