/**
 * The engines stage (test/engines): the dataset SQL of each dialect (demo/db/dataset.<dialect>.sql) run on a real
 * engine or an emulator, its rows through the plugin's own transformProps, compared with PostgreSQL's. Run it with
 * e2e/engines/run-tests.sh, which installs the engines, starts a private MariaDB and stops it; see docs/ENGINES.md.
 *
 * The ts-jest transform is the unit suite's (jest.config.js): transformProps pulls in @superset-ui's ES modules.
 */
const unit = require('./jest.config');

// test/engines runs only under this config (the unit suite's roots include test/ too).
process.env.CP360_ENGINES_E2E = '1';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/engines'],
  testMatch: ['**/*.test.ts'],
  // The engines run once, in one Python process started by the test file's beforeAll.
  maxWorkers: 1,
  verbose: true,
  testTimeout: 60000,
  // A window with just `console` for @superset-ui/core's import, then the unit suite's translator set-up.
  setupFiles: ['<rootDir>/test/superset/support/setupNode.ts', ...unit.setupFiles],
  moduleNameMapper: unit.moduleNameMapper,
  transform: unit.transform,
  transformIgnorePatterns: unit.transformIgnorePatterns,
};
