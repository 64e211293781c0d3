// `npm run bench`: every benchmark, one after the other, results printed and
// written to test-results/bench.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { benchApi } from './api.bench.js';

const results = { at: new Date().toISOString() };
results.api = await benchApi();
for (const [name, file, fn] of [
  ['reminders', './reminders.bench.js', 'benchReminders'],
  ['web', './web.bench.js', 'benchWeb'],
]) {
  if (existsSync(new URL(file, import.meta.url))) {
    console.log(`\n— ${name}`);
    results[name] = await (await import(file))[fn]();
  }
}
await mkdir('test-results', { recursive: true });
await writeFile('test-results/bench.json', JSON.stringify(results, null, 2));
console.log('\nwritten to test-results/bench.json');
process.exit(0);
