// `npm test`'s lint step: ESLint on the whole workspace, reported like the other
// runners (test-results/eslint.json: one "test" per file linted, failed when it has
// an error) so CI counts it; exits 1 on any error, after printing them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });
const results = await eslint.lintFiles(['.']);
const failed = results.filter((r) => r.errorCount > 0);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(failed);
if (text) console.log(text);
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(
  join(root, 'test-results', 'eslint.json'),
  JSON.stringify({ numPassedTests: results.length - failed.length, numFailedTests: failed.length, numPendingTests: 0 }),
);
console.log(`eslint: ${results.length} files, ${failed.length} with errors`);
process.exit(failed.length ? 1 : 0);
