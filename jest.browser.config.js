/**
 * Browser tests: the live demo (demo/server.js) in Debian's Chromium, driven by playwright-core.
 *
 *   node --experimental-vm-modules node_modules/.bin/jest -c jest.browser.config.js
 *
 * globalSetup builds the page once, starts the demo server on a free port and one Chromium for the whole run;
 * every test opens its own browser context. One worker: the server, Chromium and jest share two cores, and the
 * suites are short enough that running them in parallel would only make the timings noisier.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/browser/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/browser/support/globalTeardown.ts',
  maxWorkers: 1,
  // Generous: a cold Chromium page with the demo's development build on a busy 2-core machine.
  testTimeout: 60000,
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: { esModuleInterop: true, skipLibCheck: true, isolatedModules: true, module: 'commonjs' },
        diagnostics: false,
      },
    ],
  },
};
