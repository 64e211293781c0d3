import { existsSync } from 'node:fs';
import { join, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** The built React app (apps/web/dist), wherever the api runs from. */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const SERVER_PATHS = /^\/(graphql|health|calendar|admin|imports)(\/|$)/;

/**
 * Serves the web app at `/`, and `index.html` for client-side routes
 * (/campaigns/42, /field…) so that a reload or a bookmark works.
 */
export function serveWebApp(app: Express, dist = WEB_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return false;
  const assets = join(dist, 'assets') + sep;
  app.use(
    express.static(dist, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        // The service worker and the shell must be fresh, or an old version would stay forever.
        if (path.endsWith('sw.js') || path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        // Vite names these by content hash: a changed file has a new name, so they never go stale.
        else if (path.startsWith(assets)) res.setHeader('Cache-Control', IMMUTABLE);
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
