#!/usr/bin/env node
// Prints the gzipped size of the JavaScript that /field loads (the entry chunk, the
// /field route chunk and their static imports, plus the service worker) and fails
// above the budget: the field form is used on phones, on landings with poor signal.
//
// Usage: node scripts/measure-bundle.mjs [distDir]   (run by `npm run build`)

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fieldRouteFiles, readManifest } from './route-files.mjs';

// 110: /field loads about 98 KB since the app runs on Preact's compatibility layer (not
// React DOM) and wouter (not React Router): issue 14's 120 KB, with a little room, so a small
// feature passes and a dependency creeping back into the first load does not. The phone-number
// rules (libphonenumber-js, 28 KB) load on demand, at save time (precached for offline saves).
// The largest part left is Apollo Client with rxjs and graphql (about 49 KB).
export const BUDGET_BYTES = 110 * 1024;

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
