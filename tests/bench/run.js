// `npm run bench`: every benchmark, one after the other, results printed and
// written to test-results/bench.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { benchApi } from './api.bench.js';

const results = { at: new Date().toISOString() };
results.api = await benchApi();
console.log('\n— /field bundle');
results.web = await (await import('./web.bench.js')).benchWeb();
console.log('\n— Lighthouse, mobile emulation: /login and /field signed in');
results.lighthouse = await (await import('./lighthouse.bench.js')).benchLighthouse();
// The reminders benchmark runs TypeScript sources through a loader: its own process.
console.log('\n— reminders');
execFileSync(process.execPath, ['--import', './tests/src/support/reminders-ts-loader.mjs', 'tests/bench/reminders.bench.ts'], { stdio: 'inherit' });
// The imports benchmark (50,000 rows through the real worker): its own process too.
console.log('\n— imports');
execFileSync(process.execPath, ['--import', './tests/src/support/reminders-ts-loader.mjs', 'tests/bench/imports.bench.ts'], { stdio: 'inherit' });
await mkdir('test-results', { recursive: true });
await writeFile('test-results/bench.json', JSON.stringify(results, null, 2));
console.log('\nwritten to test-results/bench.json');
process.exit(0);
