/** How the browser tests and scripts/thumbnail.js start Debian's Chromium. */
import type { LaunchOptions } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const launchOptions = (): LaunchOptions => ({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

/** Set by globalSetup for the test files: the demo's URL and the shared browser's endpoint. */
export const ENV = { demoUrl: 'CP360_DEMO_URL', browserEndpoint: 'CP360_BROWSER_WS' } as const;
