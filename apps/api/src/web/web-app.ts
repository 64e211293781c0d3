import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** The built React app (apps/web/dist), wherever the api runs from. */
export const WEB_DIST = process.env.RAPPORT_WEB_DIST || join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const SERVER_PATHS = /^\/(graphql|health|calendar|admin)(\/|$)/;

/**
 * Serves the web app at `/`, and `index.html` for client-side routes
 * (/campaigns/42, /field…) so that a reload or a bookmark works.
 */
export function serveWebApp(app: Express, dist = WEB_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return false;
  app.use(express.static(dist, { index: false, maxAge: '1h', setHeaders: (res, path) => {
    // The service worker and the shell must be fresh, or an old version would stay forever.
    if (path.endsWith('sw.js') || path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  } }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
