// Headless Chromium check that Superset's DYNAMIC_PLUGINS loader mounts a plugin.
// Usage: node check-loader.mjs   (env: SUPERSET_URL, PW_DIR=/tmp/pw, CHROMIUM=/usr/bin/chromium,
//   PROBE_NAME='Loader Probe', PROBE_KEY=loader_probe, DATASET_ID=1, SHOT_DIR=../screenshots)
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(process.env.PW_DIR || '/tmp/pw', 'noop.js'));
const { chromium } = require('playwright-core');

const BASE = process.env.SUPERSET_URL || 'http://127.0.0.1:8088';
const NAME = process.env.PROBE_NAME || 'Loader Probe';
const KEY = process.env.PROBE_KEY || 'loader_probe';
const DATASET_ID = process.env.DATASET_ID || '1';
const SHOT_DIR = process.env.SHOT_DIR || path.join(here, '..', 'screenshots');
fs.mkdirSync(SHOT_DIR, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const log = { console: [], pageErrors: [], requests: [] };
page.on('console', m => /ERR_NAME_NOT_RESOLVED|preloaded using link preload|autocomplete attributes/.test(m.text()) || log.console.push(`${m.type()}: ${m.text()}`.slice(0, 600)));
page.on('pageerror', e => log.pageErrors.push(String(e).slice(0, 600)));
page.on('response', r => {
  const u = r.url();
  if (/dynamic-plugins|e2e-plugins|chart\/data|api\/v1\/explore|\/api\/v1\/chart\//.test(u)) {
    log.requests.push(`${r.request().method()} ${u.replace(BASE, '')} -> ${r.status()} ${r.headers()['content-type'] || ''}`);
  }
});
page.on('requestfailed', r => /scarf\.sh/.test(r.url()) || log.requests.push(`FAILED ${r.url().replace(BASE, '')} ${r.failure()?.errorText}`));

const result = { ok: false };
try {
  await page.goto(`${BASE}/login/`, { waitUntil: 'domcontentloaded' });
  await page.locator('input#username, input[name="username"]').first().fill('admin');
  await page.locator('input#password, input[name="password"]').first().fill('admin');
  await Promise.all([
    page.waitForURL(u => !u.pathname.startsWith('/login'), { timeout: 30000 }),
    page.locator('button[type="submit"], input[type="submit"]').first().click(),
  ]);

  // 1. chart gallery (/chart/add): is the dynamic plugin listed?
  await page.goto(`${BASE}/chart/add`, { waitUntil: 'networkidle' });
  const search = page.locator('input[placeholder*="Search all charts"], input[data-test="search-input"]').first();
  if (await search.count()) await search.fill(NAME.split(' ')[0]);
  const tile = page.getByText(NAME, { exact: true }).first();
  result.galleryHasPlugin = await tile.waitFor({ timeout: 20000 }).then(() => true, () => false);
  result.featureFlag = await page.evaluate(() => window.featureFlags && window.featureFlags.DYNAMIC_PLUGINS);
  result.probe = await page.evaluate(() => window.__loaderProbe || null);
  result.sharedGlobals = await page.evaluate(() => Object.keys(window).filter(k => k.startsWith('__superset__/')));
  if (result.galleryHasPlugin) await tile.click().catch(() => {});
  await page.screenshot({ path: path.join(SHOT_DIR, 'loader-probe.png') });

  // 2. explore with the dynamic viz type: do its controls and chart render?
  await page.goto(`${BASE}/explore/?viz_type=${KEY}&datasource_type=table&datasource_id=${DATASET_ID}`,
    { waitUntil: 'networkidle' });
  const chart = page.locator('[data-test="loader-probe-chart"]');
  result.exploreRendered = await chart.waitFor({ timeout: 30000 }).then(() => true, () => false);
  if (!result.exploreRendered) {
    // the probe's control panel has a 'groupby' control: pick nothing, just press "Create chart"/"Update chart"
    const btn = page.locator('button:has-text("Create chart"), button:has-text("Update chart")').first();
    if (await btn.count()) { await btn.click().catch(() => {}); result.exploreRendered = await chart.waitFor({ timeout: 20000 }).then(() => true, () => false); }
  }
  result.exploreText = result.exploreRendered ? await chart.innerText() : (await page.locator('body').innerText()).slice(0, 800);
  await page.screenshot({ path: path.join(SHOT_DIR, 'loader-probe-explore.png') });

  // 3. a SAVED chart of the dynamic viz type, reopened cold (explore by slice_id) and on a
  //    dashboard: the chart may be requested before the plugin bundle has registered.
  const saved = await page.evaluate(async ({ key, ds }) => {
    const csrf = (await (await fetch('/api/v1/security/csrf_token/')).json()).result;
    const h = { 'Content-Type': 'application/json', 'X-CSRFToken': csrf };
    const dash = await (await fetch('/api/v1/dashboard/', { method: 'POST', headers: h,
      body: JSON.stringify({ dashboard_title: `E2E ${key}`, published: true }) })).json();
    const formData = { viz_type: key, datasource: `${ds}__table`, groupby: [], row_limit: 10 };
    const chart = await (await fetch('/api/v1/chart/', { method: 'POST', headers: h,
      body: JSON.stringify({ slice_name: `E2E ${key}`, viz_type: key, datasource_id: Number(ds),
        datasource_type: 'table', params: JSON.stringify(formData), dashboards: [dash.id] }) })).json();
    const position = {
      DASHBOARD_VERSION_KEY: 'v2',
      ROOT_ID: { type: 'ROOT', id: 'ROOT_ID', children: ['GRID_ID'] },
      GRID_ID: { type: 'GRID', id: 'GRID_ID', children: ['ROW-1'], parents: ['ROOT_ID'] },
      'ROW-1': { type: 'ROW', id: 'ROW-1', children: ['CHART-1'], parents: ['ROOT_ID', 'GRID_ID'],
        meta: { background: 'BACKGROUND_TRANSPARENT' } },
      'CHART-1': { type: 'CHART', id: 'CHART-1', children: [], parents: ['ROOT_ID', 'GRID_ID', 'ROW-1'],
        meta: { chartId: chart.id, width: 6, height: 40, sliceName: `E2E ${key}` } },
    };
    const put = await fetch(`/api/v1/dashboard/${dash.id}`, { method: 'PUT', headers: h,
      body: JSON.stringify({ position_json: JSON.stringify(position) }) });
    return { dashboardId: dash.id, chartId: chart.id, putStatus: put.status };
  }, { key: KEY, ds: DATASET_ID });
  result.saved = saved;
  await page.goto(`${BASE}/explore/?slice_id=${saved.chartId}`, { waitUntil: 'networkidle' });
  result.savedExploreRendered = await chart.waitFor({ timeout: 30000 }).then(() => true, () => false);
  await page.goto(`${BASE}/superset/dashboard/${saved.dashboardId}/`, { waitUntil: 'networkidle' });
  result.dashboardRendered = await chart.waitFor({ timeout: 30000 }).then(() => true, () => false);
  if (!result.dashboardRendered) result.dashboardText = (await page.locator('body').innerText()).slice(0, 600);
  await page.screenshot({ path: path.join(SHOT_DIR, 'loader-probe-dashboard.png') });

  result.ok = !!(result.galleryHasPlugin && result.exploreRendered && result.savedExploreRendered
    && result.dashboardRendered);
} catch (e) {
  result.error = String(e);
  await page.screenshot({ path: path.join(SHOT_DIR, 'loader-probe-error.png') }).catch(() => {});
} finally {
  await browser.close();
}
console.log(JSON.stringify({ ...result, ...log }, null, 2));
process.exit(result.ok ? 0 : 1);
