import preset from './jest.preset.js';

export default {
  ...preset,
  rootDir: '.',
  displayName: 'tests',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
};
