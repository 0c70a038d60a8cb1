/**
 * API tests run against real PostgreSQL and Redis: the global setup makes a fresh database
 * with every migration applied and a unique queue prefix for this run, and drops them after.
 */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  globalSetup: '<rootDir>/test-support/global-setup.ts',
  globalTeardown: '<rootDir>/test-support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
