#!/usr/bin/env node
'use strict';
/**
 * The chart gallery's thumbnail, src/images/thumbnail.png: Acme's Overview from the live demo, at dashboard-tile
 * size (400x300, device scale 1), in the light theme.
 *
 *   npm start                     # in another shell, or let this script start the demo itself
 *   node scripts/thumbnail.js [demo URL]
 *
 * The URL defaults to $DEMO_URL, then http://127.0.0.1:9360/. When nothing answers there, the script starts
 * demo/server.js on a free port for the time of the screenshot. Chromium: $CHROMIUM_PATH or /usr/bin/chromium.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'src/images/thumbnail.png');
const SIZE = { width: 400, height: 300 };
const MAX_BYTES = 120 * 1024;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function answers(url) {
  try {
    const response = await fetch(new URL('/api/demo/customers', url));
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts the demo on a free port; resolves with its URL and a stop function. */
function startDemo() {
  const server = spawn(process.execPath, [path.join(ROOT, 'demo/server.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', chunk => {
      output += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url) {
        const stop = () =>
          new Promise(done => {
            server.once('exit', done);
            server.kill('SIGTERM');
          });
        resolve({ url, stop });
      }
    });
    server.once('exit', code => reject(new Error(`the demo server exited with code ${code}`)));
  });
}

async function main() {
  let url = process.argv[2] || process.env.DEMO_URL || 'http://127.0.0.1:9360/';
  let stop = async () => undefined;
  if (!(await answers(url))) {
    process.stdout.write(`Nothing answers at ${url}; starting the demo…\n`);
    ({ url, stop } = await startDemo());
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.locator('[data-testid="chart-status"][data-state="ready"]').waitFor();
    await page.getByTestId('theme-light').check();
    await page.getByTestId('size-tile').check();
    const chart = page.locator('[data-testid="chart-container"][data-size="tile"]');
    await chart.getByRole('heading', { name: 'Acme Corporation' }).waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const box = await chart.boundingBox();
    if (!box || box.width !== SIZE.width || box.height !== SIZE.height)
      throw new Error(`the tile is ${box?.width}x${box?.height}, not ${SIZE.width}x${SIZE.height}`);
    const png = await chart.screenshot({ animations: 'disabled' });
    if (png.length > MAX_BYTES) throw new Error(`the thumbnail is ${png.length} bytes, over ${MAX_BYTES}`);
    fs.writeFileSync(OUT, png);
    process.stdout.write(`${path.relative(ROOT, OUT)}: ${SIZE.width}x${SIZE.height}, ${png.length} bytes\n`);
  } finally {
    await browser.close();
    await stop();
  }
}

main().catch(error => {
  process.stderr.write(`thumbnail: ${error.stack || error}\n`);
  process.exit(1);
});
