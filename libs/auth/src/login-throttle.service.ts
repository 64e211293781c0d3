import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import rateLimiter from 'rate-limiter-flexible';
import { REDIS, REDIS_KEY_PREFIX, tooManyRequests } from '@rapport/core';

const { RateLimiterRedis, RateLimiterMemory, RateLimiterRes } = rateLimiter;
type Limiter = InstanceType<typeof RateLimiterRedis>;

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** Password guesses: what one address may try on one account, one account from everywhere, one address on every account. */
export type GuardedOperation = 'sign-in' | 'change-password' | 'password-reset';

interface Scope {
  points: number;
  duration: number;
}

// The tight limit is per account *and* address: an attacker hammering one email from
// one address uses up their own allowance, not the owner's (who signs in from elsewhere).
// The per-account limit is looser and only counts attempts the tight one let through,
// so it bounds a distributed attack; the per-address one bounds spraying many accounts.
const LIMITS: Record<GuardedOperation, { pair: Scope; account: Scope; address: Scope }> = {
  'sign-in': { pair: { points: 10, duration: 15 * MINUTE }, account: { points: 50, duration: 15 * MINUTE }, address: { points: 100, duration: 15 * MINUTE } },
  'change-password': {
    pair: { points: 10, duration: 15 * MINUTE },
    account: { points: 50, duration: 15 * MINUTE },
    address: { points: 100, duration: 15 * MINUTE },
  },
  'password-reset': { pair: { points: 5, duration: HOUR }, account: { points: 10, duration: HOUR }, address: { points: 30, duration: HOUR } },
};
/** Organisations one address may register (successful or not) per hour. */
const REGISTRATIONS = { points: 10, duration: HOUR };

/** A key part of bounded length: long or odd values (emails, addresses) are hashed. */
export function keyPart(value: string): string {
  const clean = value.trim().toLowerCase();
  return clean.length <= 64 && /^[a-z0-9.@+_:-]+$/.test(clean) ? clean : `h:${createHash('sha256').update(clean).digest('base64url').slice(0, 32)}`;
}

/** What a granted attempt holds: call `succeeded()` once the password was right. */
export interface Attempt {
  succeeded(): Promise<void>;
}

/**
 * Slows password guessing. Each attempt is *consumed* (an atomic increment in Redis)
 * before the password is checked, so parallel guesses cannot all slip through:
 * 300 at once for one account from one address give at most 10 password checks.
 * A right password gives its points back. Counted in Redis so every api replica
 * agrees; in memory while Redis is away.
 */
@Injectable()
export class LoginThrottle {
  private readonly limiters = new Map<string, Limiter>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(REDIS_KEY_PREFIX) private readonly prefix: string,
  ) {}

  private limiter(name: string, scope: Scope): Limiter {
    let found = this.limiters.get(name);
    if (!found) {
      found = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:limit:${name}`,
        points: scope.points,
        duration: scope.duration,
        insuranceLimiter: new RateLimiterMemory({ points: scope.points, duration: scope.duration }),
      });
      this.limiters.set(name, found);
    }
    return found;
  }

  /** Consumes one point; TOO_MANY_REQUESTS when the key has none left. */
  private async consume(limiter: Limiter, key: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooManyRequests(rejection.msBeforeNext / 1000);
      throw rejection;
    }
  }

  /**
   * Takes one attempt for `email` from `address`, in this order: the pair, then the
   * address, then the account. The first refusal stops there, so attempts an address
   * was already refused do not eat into the account's own allowance.
   */
  async attempt(operation: GuardedOperation, email: string, address: string): Promise<Attempt> {
    const limits = LIMITS[operation];
    const account = keyPart(email);
    const from = keyPart(address);
    const pair = this.limiter(`${operation}:pair`, limits.pair);
    const byAddress = this.limiter(`${operation}:address`, limits.address);
    const byAccount = this.limiter(`${operation}:account`, limits.account);
    await this.consume(pair, `${account}|${from}`);
    await this.consume(byAddress, from);
    await this.consume(byAccount, account);
    return {
      // A right password forgives this pair's failures and gives back its point elsewhere.
      succeeded: async () => {
        await Promise.all([
          pair.delete(`${account}|${from}`).catch(() => undefined),
          byAddress.reward(from, 1).catch(() => undefined),
          byAccount.reward(account, 1).catch(() => undefined),
        ]);
      },
    };
  }

  /** One registration from `address`, counted whether it succeeds or not. */
  async registration(address: string): Promise<void> {
    await this.consume(this.limiter('register:address', REGISTRATIONS), keyPart(address));
  }
}
