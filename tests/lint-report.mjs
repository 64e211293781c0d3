// `npm test`'s lint step: ESLint and Prettier on the whole workspace, reported like
// the other runners (test-results/eslint.json: one "test" per file linted, failed
// when it has an error or is not formatted) so CI counts it; exits 1 on any problem,
// after printing them. `npm run format` formats.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results.filter((r) => r.errorCount > 0));
if (text) console.log(text);
// Prettier lists the files it would change.
const prettier = spawnSync(process.execPath, [join(root, 'node_modules/prettier/bin/prettier.cjs'), '--list-different', '.'], { cwd: root, encoding: 'utf8' });
const unformatted = new Set(
  prettier.stdout
    .split('\n')
    .filter(Boolean)
    .map((f) => join(root, f)),
);
if (unformatted.size) console.log(`not formatted (npm run format):\n${[...unformatted].join('\n')}`);
const linted = new Set(results.map((r) => r.filePath));
const failed = [
  ...results.filter((r) => r.errorCount > 0 || unformatted.has(r.filePath)),
  ...[...unformatted].filter((f) => !linted.has(f)).map((filePath) => ({ filePath })),
];
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(
  join(root, 'test-results', 'eslint.json'),
  JSON.stringify({ numPassedTests: results.length - failed.length, numFailedTests: failed.length, numPendingTests: 0 }),
);
console.log(`eslint and prettier: ${results.length} files, ${failed.length} with problems`);
process.exit(failed.length ? 1 : 0);
