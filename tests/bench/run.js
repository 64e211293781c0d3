// `npm run bench`: every benchmark, one after the other, results printed and
// written to test-results/bench.json.
import './production.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { benchApi } from './api.bench.js';

// BENCH_ONLY=api,reminders (any of api, web, lighthouse, reminders, imports) runs only those.
const only = new Set((process.env.BENCH_ONLY || 'api,web,lighthouse,reminders,imports').split(',').map((s) => s.trim()));
const results = { at: new Date().toISOString() };
if (only.has('api')) results.api = await benchApi();
if (only.has('web')) {
  console.log('\n— /field bundle');
  results.web = await (await import('./web.bench.js')).benchWeb();
}
if (only.has('lighthouse')) {
  console.log('\n— Lighthouse, mobile emulation: /login and /field signed in');
  results.lighthouse = await (await import('./lighthouse.bench.js')).benchLighthouse();
}
// The reminders and imports benchmarks run TypeScript sources through a loader: each its own process.
const script = (file) => execFileSync(process.execPath, ['--import', './tests/src/support/reminders-ts-loader.mjs', file], { stdio: 'inherit' });
if (only.has('reminders')) {
  console.log('\n— reminders');
  script('tests/bench/reminders.bench.ts');
}
if (only.has('imports')) {
  // 50,000 rows through the real worker.
  console.log('\n— imports');
  script('tests/bench/imports.bench.ts');
}
await mkdir('test-results', { recursive: true });
await writeFile('test-results/bench.json', JSON.stringify(results, null, 2));
console.log('\nwritten to test-results/bench.json');
process.exit(0);
