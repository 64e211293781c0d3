// The /field route's JavaScript, gzipped, as phones on a landing download it
// (budget: BUDGET_BYTES in apps/web/scripts/measure-bundle.mjs). Reads the build made by `npm run build`.
import { execFileSync } from 'node:child_process';

export async function benchWeb(log = console.log) {
  const output = execFileSync(process.execPath, ['apps/web/scripts/measure-bundle.mjs'], { encoding: 'utf8' });
  log(output.trim());
  const total = output.match(/([\d.]+)\s*KB\s+total/);
  return { fieldRouteGzipKB: total ? Number(total[1]) : null, report: output.trim() };
}
