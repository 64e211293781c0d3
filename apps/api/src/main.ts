import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TrustProxy } from '@rapport/platform';
import { AppModule, type ApiOptions } from './app.module.js';
import { serveWebApp } from './web/web-app.js';
import { mountQueuesBoard } from './admin/queues-board.js';
import { securityHeaders } from './web/http-security.js';
import { documentSizeGuard, requestTimeout, REQUEST_TIMEOUT_MS } from './graphql/request-guard.js';

export { AppModule, DOMAIN_MODULES, type ApiOptions } from './app.module.js';

/** Builds the HTTP application (not yet listening): used by the launcher and the tests. */
export async function createApi(
  options: ApiOptions & {
    logger?: false | Array<'error' | 'warn' | 'log' | 'debug'>;
    /** TRUST_PROXY: which peers' X-Forwarded-For is believed (sign-in limits key on the address). Default: loopback. */
    trustProxy?: TrustProxy;
    /** PUBLIC_URL (loadConfig): https turns HSTS on. */
    publicUrl?: string;
    /** Requests running longer are answered 503 (tests shorten it). */
    requestTimeoutMs?: number;
  },
) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: options.logger ?? ['error', 'warn'],
    bodyParser: false,
  });
  const http = app.getHttpAdapter().getInstance();
  securityHeaders(http, options.publicUrl);
  http.use(requestTimeout(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS));
  // 1 MB is plenty for a form; larger bodies answer 413 before any parsing.
  app.useBodyParser('json', { limit: '1mb' });
  http.use('/graphql', documentSizeGuard);
  // Only the proxies named by TRUST_PROXY may say who the client is; anyone else could
  // pick a new X-Forwarded-For for every guess and walk around the sign-in limits.
  app.set('trust proxy', options.trustProxy ?? ['loopback']);
  // No ETag on answers sent by res.send (GraphQL's): they are `no-store` and never
  // revalidated, and hashing every answer showed in the profile of `{ me { id } }`.
  // The web app's files keep theirs (express.static sets its own).
  app.set('etag', false);
  app.enableShutdownHooks();
  // The queues board, for the instance operators (before the web app's fallback route).
  mountQueuesBoard(app);
  serveWebApp(http, options.webDist);
  return app;
}
