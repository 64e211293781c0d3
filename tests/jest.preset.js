// Shared Jest settings: TypeScript run as ESM (NestJS 12 is ESM-only), workspace
// libraries resolved to their sources so tests never need a prior build.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^@rapport/migrations$': join(root, 'migrations/index.ts'),
    '^@rapport/(api|worker)$': join(root, 'apps/$1/src/main.ts'),
    '^@rapport/([a-z-]+)$': join(root, 'libs/$1/src/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Its ESM build imports JSON without an import attribute, which Jest warns about at every file.
    '^libphonenumber-js$': join(root, 'node_modules/libphonenumber-js/index.cjs'),
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: join(root, 'tests/tsconfig.spec.json') }],
  },
  testTimeout: 60000,
};
