/**
 * The real-Superset suite (test/superset): a running Superset 6.1 with the dynamic bundle, driven over REST and
 * through headless Chromium. Run it with e2e/superset/run-tests.sh, which sets up, builds, starts and stops
 * everything; by hand: `SUPERSET_E2E=1 npx jest -c jest.superset.config.js` against a server started by start.sh.
 *
 * The ts-jest transform is the unit suite's (jest.config.js): the chart-data test imports the plugin's own
 * buildQuery and transformProps, which pull in @superset-ui's ES modules.
 */
const unit = require('./jest.config');

process.env.SUPERSET_E2E = '1';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/superset'],
  testMatch: ['**/*.test.ts'],
  // One Superset (gunicorn, 1 worker) and one Chromium at a time: files run in order, in one process.
  maxWorkers: 1,
  verbose: true,
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/superset/globalSetup.ts',
  // A window with just `console` for @superset-ui/core's import, then the unit suite's translator set-up.
  setupFiles: ['<rootDir>/test/superset/support/setupNode.ts', ...unit.setupFiles],
  moduleNameMapper: unit.moduleNameMapper,
  transform: unit.transform,
  transformIgnorePatterns: unit.transformIgnorePatterns,
};
