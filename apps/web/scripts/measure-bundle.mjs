#!/usr/bin/env node
// Prints the gzipped size of the JavaScript that /field loads (the entry chunk, the
// /field route chunk, Apollo's and the shell's API parts and their static imports, plus
// the service worker) and fails above the budget: the field form is used on phones, on
// landings with poor signal. Likewise the sign-in page (the entry and its static imports),
// which must not load Apollo Client at all.
//
// Usage: node scripts/measure-bundle.mjs [distDir]   (run by `npm run build`)

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { API_PARTS, entryKey, fieldRouteFiles, readManifest, staticClosure } from './route-files.mjs';

// 110: /field loads about 98 KB since the app runs on Preact's compatibility layer (not
// React DOM) and wouter (not React Router): issue 14's 120 KB, with a little room, so a small
// feature passes and a dependency creeping back into the first load does not. The phone-number
// rules (libphonenumber-js, 28 KB) load on demand, at save time (precached for offline saves).
// The largest part left is Apollo Client with rxjs and graphql (about 49 KB). Since Apollo
// loads on demand (src/apollo/lazy.tsx), /field loads about 105 KB in more, smaller files.
export const BUDGET_BYTES = 110 * 1024;
// The sign-in page loads about 41 KB: Preact, the router, the French catalog, the shell
// and the form, with graphql-js's printer for its one request.
export const LOGIN_BUDGET_BYTES = 45 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '../dist'));
const manifest = readManifest(dist);
const { js, css } = fieldRouteFiles(manifest);
const files = [...js, 'sw.js'];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let total = 0;
const rows = files.map((file) => {
  const raw = readFileSync(join(dist, file));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  return { file, raw: raw.length, gz };
});
const cssGz = css.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);

console.log('JavaScript loaded by /field (gzip -9):');
for (const row of rows.sort((a, b) => b.gz - a.gz)) {
  console.log(`  ${kb(row.gz).padStart(9)}  (${kb(row.raw)} raw)  ${row.file}`);
}
console.log(`  ${kb(total).padStart(9)}  total JavaScript; budget ${kb(BUDGET_BYTES)}; CSS ${kb(cssGz)}`);
if (total > BUDGET_BYTES) {
  console.error(`measure-bundle: /field loads ${kb(total)} of JavaScript gzipped, over the ${kb(BUDGET_BYTES)} budget`);
  process.exit(1);
}

// The sign-in page: the entry and what it imports statically, nothing of Apollo's.
const login = staticClosure(manifest, [entryKey(manifest)]).js;
const loginTotal = login.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
console.log(`JavaScript loaded by /login: ${kb(loginTotal)} in ${login.length} files; budget ${kb(LOGIN_BUDGET_BYTES)}`);
// No code of Apollo Client (but its small error classes) nor rxjs in it, read from the
// files' source maps: an eager import of '@apollo/client/react' anywhere would show here.
const apolloSources = login.flatMap((file) =>
  JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8'))
    .sources.filter((source) => /node_modules\/(@apollo\/client\/(?!errors\/)|rxjs\/|@wry\/|optimism\/)/.test(source))
    .map((source) => `${file}: ${source.replace(/.*node_modules\//, '')}`),
);
if (apolloSources.length || login.includes(manifest[API_PARTS[0]].file)) {
  console.error(`measure-bundle: the sign-in page loads Apollo Client; it must stay on demand (src/apollo/lazy.tsx):\n  ${apolloSources.join('\n  ')}`);
  process.exit(1);
}
if (loginTotal > LOGIN_BUDGET_BYTES) {
  console.error(`measure-bundle: /login loads ${kb(loginTotal)} of JavaScript gzipped, over the ${kb(LOGIN_BUDGET_BYTES)} budget`);
  process.exit(1);
}
