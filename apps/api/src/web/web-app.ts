import { existsSync, readdirSync } from 'node:fs';
import { join, dirname, extname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** The built React app (apps/web/dist), wherever the api runs from. */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const SERVER_PATHS = /^\/(graphql|health|calendar|admin|exports|imports)(\/|$)/;
/**
 * Where a signed-out visitor lands (the sign-in page, the bare address): index.html, which
 * preloads no Apollo Client. (The password reset and invitation pages ask the API, as the
 * signed-in pages do: app.html.)
 */
const SIGNED_OUT_PAGES = /^\/(login\/?)?$/;

/**
 * Serves the web app at `/`, and its page for client-side routes (/campaigns/42,
 * /field…) so that a reload or a bookmark works: `app.html` (the same page, with
 * Apollo's code preloaded: apps/web/vite.config.ts) except at `/` and `/login`, which
 * get `index.html`. Text files go out
 * as the brotli or gzip copy written at build time (apps/web/scripts/precompress.mjs)
 * when the browser accepts it: no compression work per request.
 */
export function serveWebApp(app: Express, dist = WEB_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return false;
  const signedIn = existsSync(join(dist, 'app.html')) ? join(dist, 'app.html') : index;
  const assets = join(dist, 'assets') + sep;
  const cacheControl = (path: string) =>
    // The service worker and the shell must be fresh, or an old version would stay forever.
    path.endsWith('sw.js') || path.endsWith('.html')
      ? 'no-cache'
      : // Vite names these by content hash: a changed file has a new name, so they never go stale.
        path.startsWith(assets)
        ? IMMUTABLE
        : 'public, max-age=3600';
  const encoded = precompressedFiles(dist);

  /** Sends `path` (a file of dist) as its precompressed copy when one fits the request; false when none does. */
  const sendEncoded = (req: Request, res: Response, path: string): boolean => {
    const variants = encoded.get(path);
    if (!variants) return false;
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = bestEncoding(req.headers['accept-encoding'], variants);
    if (!encoding) return false;
    res.setHeader('Content-Encoding', encoding === 'br' ? 'br' : 'gzip');
    res.setHeader('Cache-Control', cacheControl(path));
    res.type(extname(path));
    res.sendFile(`${path}.${encoding}`, { cacheControl: false, dotfiles: 'deny' });
    return true;
  };

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && sendEncoded(req, res, join(dist, req.path))) return;
    next();
  });
  app.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControl(path)),
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
    const page = SIGNED_OUT_PAGES.test(req.path) ? index : signedIn;
    if (sendEncoded(req, res, page)) return;
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
  return true;
}

type Encoding = 'br' | 'gz';

/**
 * The files of dist that have precompressed copies, by their path: found once at
 * start-up, so a request path is only ever looked up, never joined onto the disk.
 */
function precompressedFiles(dist: string): Map<string, Set<Encoding>> {
  const found = new Map<string, Set<Encoding>>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(br|gz)$/.test(entry.name) && !relative(dist, path).startsWith('..')) {
        const original = path.slice(0, -3);
        if (!existsSync(original)) continue;
        const variants = found.get(original) ?? new Set<Encoding>();
        variants.add(path.endsWith('.br') ? 'br' : 'gz');
        found.set(original, variants);
      }
    }
  };
  walk(dist);
  return found;
}

/** brotli when accepted, else gzip, else none (an encoding with q=0 is refused). */
export function bestEncoding(header: string | undefined, variants: ReadonlySet<Encoding>): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (variants.has('br') && accepted.has('br')) return 'br';
  if (variants.has('gz') && (accepted.has('gzip') || accepted.has('*'))) return 'gz';
  return null;
}
