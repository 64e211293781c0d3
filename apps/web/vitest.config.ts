import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    // Resolve packages as the browser build does (ESM). Without it, 'react-router' resolves
    // to its CommonJS build while 'react-router/dom' loads the ESM one: two router contexts.
    resolve: { conditions: ['module', 'browser', 'development'] },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
      restoreMocks: true,
      testTimeout: 30_000,
    },
  }),
);
