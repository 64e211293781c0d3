import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@rapport/core';

const within = <T>(ms: number, work: Promise<T>) => Promise.race([work, new Promise<never>((_, fail) => setTimeout(() => fail(new Error('timeout')), ms))]);

/** Load balancers and the launcher ask here: 200 when PostgreSQL and Redis answer, 503 naming what is down. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  async health(@Res() res: Response) {
    const [db, redis] = await Promise.all([
      within(2000, this.db.query('SELECT 1')).then(
        () => 'up',
        () => 'down',
      ),
      within(2000, this.redis.ping()).then(
        () => 'up',
        () => 'down',
      ),
    ]);
    const ok = db === 'up' && redis === 'up';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', db, redis });
  }
}
