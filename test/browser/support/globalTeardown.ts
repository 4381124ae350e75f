/** Stops what globalSetup started: the shared Chromium and the demo server (SIGTERM, which it handles). */
import type { Running } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as { cp360?: Running }).cp360;
  if (!running) return;
  const { server, browser } = running;
  const exited = new Promise(resolve => {
    if (server.exitCode !== null || server.signalCode !== null) resolve(undefined);
    else server.once('exit', resolve);
  });
  server.kill('SIGTERM');
  await Promise.all([browser.close(), exited]);
}
