// Browser tests of the console: playwright-core driving Debian's chromium against a
// running console (CONSOLE_URL) and API. Run from the repo root:
//   npx jest -c test/browser/jest.config.js   (starts the built API, workers and console itself)
//   CONSOLE_URL=http://127.0.0.1:5173 npx jest -c test/browser/jest.config.js   (uses a running console)
module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: __dirname,
  displayName: 'browser',
  testMatch: ['<rootDir>/**/*.browser.spec.ts'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  // One browser at a time: the specs share the demo accounts and the machine has few cores.
  maxWorkers: 1,
  // Read-only checks first on the demo data alone, then the console spec, then the rest (sequencer.js).
  testSequencer: '<rootDir>/sequencer.js',
};
