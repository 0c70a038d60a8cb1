// Cross-app end-to-end tests: the built API and worker processes against real PostgreSQL and Redis.
module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: __dirname,
  displayName: 'e2e',
  testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
