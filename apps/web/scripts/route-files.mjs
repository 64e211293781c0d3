// Which built files a route needs, read from Vite's manifest (dist/.vite/manifest.json).
// Shared by the service worker's precache list (vite.config.ts) and measure-bundle.mjs,
// so what we measure is what the phone downloads.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST = '.vite/manifest.json';

/** The page component behind /field: its lazy route chunk. */
export const FIELD_PAGE = 'src/modules/field/components/FieldPage.tsx';

/**
 * What every signed-in page loads with its own code: Apollo's (src/apollo/lazy.tsx) and
 * the shell's parts that talk to the API (Shell.tsx), all on demand, since the sign-in
 * page does without them. Counted in /field's first load and precached with it.
 */
export const API_PARTS = [
  'src/apollo/provider.tsx',
  'src/modules/shell/components/MemberLocaleSync.tsx',
  'src/modules/notifications/components/NotificationsBadge.tsx',
];

/**
 * Pages loaded on demand that must open offline on a phone that never opened them:
 * signing out (a shared phone, no signal) must always work. Precached with /field.
 */
export const OFFLINE_PAGES = ['src/modules/auth/components/SignOutPage.tsx'];

/** The catalogs loaded on demand (French is in the entry): precached, not counted in /field's budget. */
export const LOCALE_CATALOGS = ['src/i18n/en.ts'];

export function readManifest(dist) {
  const path = join(dist, MANIFEST);
  if (!existsSync(path)) throw new Error(`${path} not found: build with build.manifest = true`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The manifest key of the HTML entry (index.html). */
export function entryKey(manifest) {
  const key = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!key) throw new Error('no entry in the Vite manifest');
  return key;
}

/**
 * The files loaded for `keys` and everything they import statically (not their
 * dynamic imports: those load only when used). Returns { js: [...], css: [...] }.
 */
export function staticClosure(manifest, keys) {
  const seen = new Set();
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    if (chunk.file.endsWith('.js')) js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return { js: [...js].sort(), css: [...css].sort() };
}

/** What opening /field on a fresh phone downloads: the app's entry, then the /field route chunk with Apollo's and the shell's API parts. */
export function fieldRouteFiles(manifest) {
  return staticClosure(manifest, [entryKey(manifest), FIELD_PAGE, ...API_PARTS]);
}

/**
 * What /field loads on demand (its chunks' dynamic imports: the phone rules, the
 * duplicate question) and everything those import statically; not what the entry
 * imports dynamically (the other pages). Precached by the service worker, so they
 * load offline too; not counted in /field's first-load budget.
 */
export function fieldOnDemandFiles(manifest) {
  const entry = entryKey(manifest);
  const keysOf = (keys) => {
    const seen = new Set();
    const visit = (key) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const imported of manifest[key]?.imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return seen;
  };
  const atFirstLoad = keysOf([entry, FIELD_PAGE, ...API_PARTS]);
  const entryOwn = keysOf([entry]);
  const onDemand = new Set();
  for (const key of atFirstLoad) {
    if (entryOwn.has(key)) continue;
    for (const dynamic of manifest[key].dynamicImports ?? []) if (!atFirstLoad.has(dynamic)) onDemand.add(dynamic);
  }
  return staticClosure(manifest, [...onDemand]);
}

/**
 * What a signed-in page preloads beyond the entry's own files (dist/app.html): Apollo's
 * code and the shell's API parts, which the entry imports on demand only.
 */
export function signedInPreloads(manifest) {
  const entry = new Set(staticClosure(manifest, [entryKey(manifest)]).js);
  return staticClosure(manifest, API_PARTS).js.filter((file) => !entry.has(file));
}
