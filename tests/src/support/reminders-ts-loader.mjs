// Runs a TypeScript entry point of the workspace from its sources, in a child process:
//   node --import ./reminders-ts-loader.mjs apps/worker/src/main.ts
// The reminders tests start real worker processes this way (to kill them mid-job),
// so they test the sources as they are, never a stale dist/. Same mapping as jest.
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  let m;
  if (specifier === '@rapport/migrations') return next(pathToFileURL(join(root, 'migrations/index.ts')).href, context);
  if ((m = /^@rapport\/(api|worker)$/.exec(specifier))) return next(pathToFileURL(join(root, `apps/${m[1]}/src/main.ts`)).href, context);
  if ((m = /^@rapport\/([a-z-]+)$/.exec(specifier)) && existsSync(join(root, `libs/${m[1]}/src/index.ts`))) {
    return next(pathToFileURL(join(root, `libs/${m[1]}/src/index.ts`)).href, context);
  }
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return next(candidate.href, context);
  }
  return next(specifier, context);
}

let ts;
export async function load(url, context, next) {
  if (!url.endsWith('.ts') || url.includes('/node_modules/')) return next(url, context);
  ts ??= (await import('typescript')).default;
  const path = fileURLToPath(url);
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
    fileName: path,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
