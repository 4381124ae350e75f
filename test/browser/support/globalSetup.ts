/**
 * Once per run: the demo server (which builds the page) on a free port, and one Chromium that every test file
 * connects to. Both start at the same time; their handles stay on globalThis for globalTeardown.
 */
import { ChildProcess, spawn } from 'child_process';
import path from 'path';
import { BrowserServer, chromium } from 'playwright-core';
import { ENV, launchOptions } from './launch';

const ROOT = path.resolve(__dirname, '../../..');
/** A cold webpack build plus PGlite's boot take about 10 s here; a busy machine may need more. */
const START_TIMEOUT_MS = 120_000;

export interface Running {
  server: ChildProcess;
  browser: BrowserServer;
}

function startServer(): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [path.join(ROOT, 'demo/server.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.kill('SIGTERM');
      reject(new Error(`The demo server did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    // Both streams are read to the end, so a chatty server never blocks on a full pipe.
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ server, url });
      }
    });
    // Kept for the error message; the server logs nothing else unless a request fails.
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`The demo server exited with code ${code}:\n${output}`));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  const [{ server, url }, browser] = await Promise.all([startServer(), chromium.launchServer(launchOptions())]);
  // Test workers start after globalSetup and inherit its environment.
  process.env[ENV.demoUrl] = url;
  process.env[ENV.browserEndpoint] = browser.wsEndpoint();
  (globalThis as { cp360?: Running }).cp360 = { server, browser };
}
