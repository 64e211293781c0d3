import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Testing Library's CommonJS build would require() the real react-dom; its ESM build
// goes through Vite, and so through the aliases to preact/compat.
const testingLibraryEsm = fileURLToPath(import.meta.resolve('@testing-library/react').replace(/dist\/index\.js$/, 'dist/@testing-library/react.esm.js'));

export default mergeConfig(
  viteConfig,
  defineConfig({
    // Resolve packages as the browser build does (ESM).
    resolve: {
      conditions: ['module', 'browser', 'development'],
      alias: [{ find: /^@testing-library\/react$/, replacement: testingLibraryEsm }],
    },
    test: {
      // The tests run on what ships: Preact's compatibility layer (vite.config.ts's aliases).
      // Libraries that import React are bundled by Vite here, not loaded by Node, so the
      // aliases reach their imports too (one Preact, no React in the tests).
      server: { deps: { inline: [/@testing-library\/react/, /@apollo\/client/, /wouter/, /use-sync-external-store/] } },
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
      restoreMocks: true,
      testTimeout: 30_000,
    },
  }),
);
