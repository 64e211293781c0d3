import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';

// End-to-end: the real api (node apps/api/dist/start.js: embedded PostgreSQL and
// Redis, the Villejean demo seed) serving the built web app, started by
// global-setup.ts; Debian's Chromium (never a downloaded browser) on a phone screen.
// Build first: npx nx run-many -t build (or `npm test`, which builds through nx).

const here = dirname(fileURLToPath(import.meta.url));
const results = join(here, '../../test-results');

export default defineConfig({
  testDir: here,
  testMatch: '*.e2e.ts',
  // One api and one database for the whole run: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalSetup: join(here, 'global-setup.ts'),
  outputDir: join(results, 'playwright-artifacts'),
  reporter: [['list'], ['json', { outputFile: join(results, 'playwright.json') }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
    // A phone: where door-to-door happens.
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers: 'allow',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
