import type { Express, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The web app runs only its own files: no inline script or style, no eval, no
 * other origin (Apollo talks to /graphql on the same origin, the service worker is
 * /sw.js). The icon is a data: URI. Nobody may frame the app (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const PERSONAL = /^\/(graphql|calendar|exports)(\/|$)/;

/** bull-board's page carries one inline <style>; its scripts are its own files. */
const QUEUES_BOARD = /^\/admin\/queues(\/|$)/;

/**
 * Security headers on every answer: CSP, nosniff, no referrer, DENY framing,
 * HSTS only when the public address is https (on plain http it would lock a
 * local instance out), and no X-Powered-By.
 */
export function securityHeaders(app: Express, publicUrl: string | undefined) {
  app.disable('x-powered-by');
  const https = publicUrl?.startsWith('https:') ?? false;
  const common = {
    referrerPolicy: { policy: 'no-referrer' as const },
    xFrameOptions: { action: 'deny' as const },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
  const strict = recorded(
    helmet({
      ...common,
      contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, ...(https ? { 'upgrade-insecure-requests': [] } : {}) } },
    }),
  );
  const board = recorded(
    helmet({
      ...common,
      contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] } },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of QUEUES_BOARD.test(req.path) ? board : strict) res.setHeader(name, value);
    next();
  });
  // Answers about people are never kept by a browser or a proxy.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (PERSONAL.test(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
}

/**
 * The headers a helmet middleware sets, recorded once at start: with this configuration
 * they are the same for every answer, and running its dozen middlewares on each request
 * showed in the profile of `{ me { id } }` (about 3 % of the api's time).
 */
function recorded(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let done = false;
  middleware({} as Request, res as unknown as Response, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('helmet did not set its headers synchronously');
  return [...headers];
}
