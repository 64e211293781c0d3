// GraphQL Code Generator, client preset, driven from its programmatic API.
//
// Why not `graphql-codegen` (the CLI)? @graphql-codegen/cli pulls in
// @graphql-tools/url-loader -> wrap -> delegate@12.3.3, which requires
// @graphql-tools/batch-execute@^10.3.2, a version the registry does not have, so
// the CLI cannot be installed without an `overrides` entry in the root
// package.json. @graphql-codegen/core + @graphql-codegen/client-preset install
// cleanly and produce the same output as the CLI's `preset: 'client'`.
//
// Usage: npm run codegen -w @rapport/web   (or: cd apps/web && node codegen.mjs)
//   CODEGEN_SCHEMA=contract|api|<path>    overrides SCHEMA_SOURCE below (default: api).
//   --check                                fails if the generated files are stale.
//
// Documents: every `graphql(\`...\`)` call in src/**/*.ts(x), outside src/gql/.
// Output: src/gql/ (committed, so `vite build` never needs the generator).

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse } from 'graphql';
import { codegen } from '@graphql-codegen/core';
import { preset } from '@graphql-codegen/client-preset';

const here = dirname(fileURLToPath(import.meta.url));

// --- configuration ----------------------------------------------------------
// Which schema types the operations: the API's generated schema (apps/api/schema.graphql,
// committed, checked against the contract in CI), which also has what the app uses beyond
// the contract (setMyLocale, User.locale, issues). CODEGEN_SCHEMA=contract|api|<path>
// overrides it for one run. If the chosen file is missing, the other one is used (with a warning).
const SCHEMA_SOURCE = 'api';
const SCHEMAS = {
  contract: '/work/shared/contract/schema.graphql',
  api: resolve(here, '../api/schema.graphql'),
};
const SRC_DIR = resolve(here, 'src');
const OUT_DIR = resolve(here, 'src/gql');
const SHARED_ENUMS = resolve(here, '../../libs/shared/src/enums.ts');

const config = {
  useTypeImports: true,
  // Only the types our operations use (their variables' inputs and enums): a change
  // elsewhere in the API's schema does not make the generated files stale.
  onlyOperationTypes: true,
  scalars: { DateTime: 'string' },
  // Schema enums that @rapport/shared also defines are typed with the shared
  // TypeScript enums (filled in below), so `user.role === Role.ALLY` type-checks.
  enumValues: {},
};
const presetConfig = {
  // Apollo Client 4 has its own data masking; keep fragments plain.
  fragmentMasking: false,
};
// ----------------------------------------------------------------------------

const check = process.argv.includes('--check');
const wanted = process.env.CODEGEN_SCHEMA ?? SCHEMA_SOURCE;
let schemaPath = SCHEMAS[wanted] ?? resolve(wanted);
if (!existsSync(schemaPath)) {
  const fallback = Object.values(SCHEMAS).find((p) => existsSync(p));
  if (!fallback) {
    console.error(`codegen: no schema found (tried ${[schemaPath, ...Object.values(SCHEMAS)].join(', ')})`);
    process.exit(1);
  }
  console.warn(`codegen: ${schemaPath} not found, using ${fallback}`);
  schemaPath = fallback;
}
const schemaSdl = readFileSync(schemaPath, 'utf8');
const schemaAst = buildSchema(schemaSdl);

if (existsSync(SHARED_ENUMS)) {
  const shared = new Set([...readFileSync(SHARED_ENUMS, 'utf8').matchAll(/export enum (\w+)/g)].map((m) => m[1]));
  for (const name of Object.keys(schemaAst.getTypeMap())) {
    if (shared.has(name)) config.enumValues[name] = `@rapport/shared#${name}`;
  }
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== OUT_DIR) yield* walk(path);
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name)) {
      yield path;
    }
  }
}

const documents = [];
for (const file of [...walk(SRC_DIR)].sort()) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)) {
    const rawSDL = match[1];
    documents.push({ location: relative(here, file), rawSDL, document: parse(rawSDL) });
  }
}

const outputs = await preset.buildGeneratesSection({
  baseOutputDir: `${relative(here, OUT_DIR)}/`,
  schema: parse(schemaSdl),
  schemaAst,
  documents,
  plugins: [],
  pluginMap: {},
  config,
  presetConfig,
  documentTransforms: [],
  pluginContext: {},
});

const stale = [];
for (const output of outputs) {
  let content;
  try {
    content = await codegen({ ...output, schemaAst, config: { ...output.config } });
  } catch (error) {
    console.error(`codegen: ${output.filename}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const target = resolve(here, output.filename);
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (previous === content) continue;
  if (check) {
    stale.push(output.filename);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`codegen: wrote ${output.filename}`);
  }
}
console.log(`codegen: ${documents.length} document(s) checked against ${schemaPath}`);
if (stale.length) {
  console.error(`codegen: stale generated files: ${stale.join(', ')} (run npm run codegen -w @rapport/web)`);
  process.exit(1);
}
