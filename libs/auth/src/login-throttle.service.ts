import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import rateLimiter from 'rate-limiter-flexible';
import { REDIS, REDIS_KEY_PREFIX, tooManyRequests } from '@rapport/core';

const { RateLimiterRedis, RateLimiterMemory } = rateLimiter;
const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES = 10;

/**
 * Slows password guessing: after 10 failures in 15 minutes for one email or one
 * address, signIn and registerOrganization answer TOO_MANY_REQUESTS. Counted in
 * Redis so that every api replica agrees; in memory while Redis is away.
 */
@Injectable()
export class LoginThrottle {
  private readonly limiter;

  constructor(@Inject(REDIS) redis: Redis, @Inject(REDIS_KEY_PREFIX) prefix: string) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-failures`,
      points: MAX_FAILURES,
      duration: WINDOW_SECONDS,
      insuranceLimiter: new RateLimiterMemory({ points: MAX_FAILURES, duration: WINDOW_SECONDS }),
    });
  }

  private keys(operation: string, email: string, address: string) {
    return [`${operation}:email:${email.trim().toLowerCase()}`, `${operation}:ip:${address}`];
  }

  /** Refuses at once when either key already used its failures. */
  async check(operation: string, email: string, address: string): Promise<void> {
    for (const key of this.keys(operation, email, address)) {
      const state = await this.limiter.get(key).catch(() => null);
      if (state && state.consumedPoints >= MAX_FAILURES) throw tooManyRequests(state.msBeforeNext / 1000);
    }
  }

  async recordFailure(operation: string, email: string, address: string): Promise<void> {
    for (const key of this.keys(operation, email, address)) await this.limiter.penalty(key, 1).catch(() => undefined);
  }
}
