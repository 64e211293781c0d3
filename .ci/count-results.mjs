// Adds up the JSON reports every test runner wrote into test-results/ (Jest, Vitest,
// Playwright) and prints the closing line CI reads: "N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir = 'test-results', testStatus = '0', contractFailed = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (report.stats && 'expected' in report.stats) {
    // Playwright
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped ?? 0;
  } else {
    // Jest and Vitest share this shape
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  console.log(`${file}: ${report.numPassedTests ?? report.stats?.expected} passed, ${report.numFailedTests ?? report.stats?.unexpected} failed`);
}
// A runner that crashed before writing its report still fails the run.
if (testStatus !== '0' && failed === 0) failed = 1;
if (contractFailed !== '0') failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
