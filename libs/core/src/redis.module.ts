import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { Redis } from 'ioredis';

export const REDIS = Symbol('REDIS');
/** Prefix of this instance's own Redis keys (rate limits); tests give each app its own. */
export const REDIS_KEY_PREFIX = Symbol('REDIS_KEY_PREFIX');

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * One shared ioredis client for rate limiting and health. BullMQ opens its own
 * connections. Commands fail fast when Redis is down rather than queueing
 * forever, so a lost Redis never blocks a mutation.
 */
@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string, keyPrefix = 'rapport'): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          useFactory: () => {
            const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
            // ioredis reconnects by itself; say once that Redis is away rather than on every retry.
            let reported = false;
            client.on('error', (error) => {
              if (!reported) console.warn(`[redis] ${error.message}; retrying in the background`);
              reported = true;
            });
            client.on('ready', () => (reported = false));
            return client;
          },
        },
        { provide: REDIS_KEY_PREFIX, useValue: keyPrefix },
        RedisCloser,
      ],
      exports: [REDIS, REDIS_KEY_PREFIX],
    };
  }
}
