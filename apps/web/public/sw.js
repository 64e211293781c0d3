/* Rapport's service worker, hand-written (no library).
 *
 * Lets the field form open on a landing without signal:
 * - the app shell (index.html) and the files /field needs are cached at install;
 * - every page address answers the cached shell (cache first), the app routes itself;
 * - other static files are served from the cache, else fetched and kept (cache first:
 *   their names carry a content hash, so a cached file never goes stale);
 * - /graphql, /health, /calendar and /admin always go to the network: data is never
 *   cached here, the outbox (IndexedDB) keeps what was typed offline.
 *
 * A new build changes BUILD (its version and file list), so the browser installs the
 * new worker, which takes over at once and drops the old caches.
 */

// Replaced at build time by vite.config.ts (rapport-service-worker plugin).
const BUILD = { version: 'dev', precache: [] };

const CACHE = `rapport-shell-${BUILD.version}`;
const SHELL = '/index.html';
const NETWORK_ONLY = /^\/(graphql|health|calendar|admin|exports)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([SHELL, ...BUILD.precache]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('rapport-shell-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NETWORK_ONLY.test(url.pathname)) return;
  event.respondWith(request.mode === 'navigate' ? shell(request) : cacheFirst(request));
});

async function shell(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(SHELL);
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch {
    return new Response('<!doctype html><meta charset="utf-8"><title>Rapport</title><p>Hors ligne. / Offline.</p>', {
      status: 503,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}
