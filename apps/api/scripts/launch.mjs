// `npm start`: builds what changed (quietly: one line, the whole output only if it
// fails or with LOG_LEVEL=debug), then runs the launcher (apps/api/dist/start.js).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const verbose = process.env.LOG_LEVEL === 'debug';
const started = Date.now();
console.log('[rapport] building the projects (first time: about a minute)…');

// nx's own entry point, wherever npm put it (its bin field says where).
const nxPackage = createRequire(import.meta.url).resolve('nx/package.json', { paths: [root] });
const nxBin = join(dirname(nxPackage), JSON.parse(readFileSync(nxPackage, 'utf8')).bin.nx);
const build = spawn(process.execPath, [nxBin, 'run-many', '-t', 'build', '--outputStyle=static'], {
  cwd: root,
  env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
  stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
});
let output = '';
build.stdout?.on('data', (d) => (output += d));
build.stderr?.on('data', (d) => (output += d));
const code = await new Promise((resolve) => build.once('exit', (c) => resolve(c ?? 1)));
if (code !== 0) {
  process.stderr.write(output);
  console.error('[rapport] the build failed (output above)');
  process.exit(1);
}
console.log(`[rapport] built in ${Math.round((Date.now() - started) / 1000)} s`);
await import(pathToFileURL(join(root, 'apps/api/dist/start.js')).href);
