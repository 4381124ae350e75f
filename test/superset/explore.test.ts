/**
 * (b) A saved chart on a virtual dataset whose SQL filters with Jinja on url_param('customer_id'), opened in
 * explore as /explore/?slice_id=..&customer_id=ACME-001: the profile renders on the first load, every time, with
 * the plugin's control panel and the plugin's query; changing controls re-renders it. (d) Light and dark (where
 * the host has it) screenshots of explore. The same file runs against every Superset version (support/host.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, Fixtures, readFixtures, recordObservation } from './support/api';
import {
  chartPropsSeen,
  colorsOf,
  controlCheckbox,
  diagnose,
  firstLoad,
  launchBrowser,
  luminance,
  openSession,
  panelSections,
  screenshot,
  Session,
  spyOnChartProps,
} from './support/browser';
import { describeIf, FEATURES, SUPERSET_VERSION } from './support/host';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;
const FRAME = '.customer-profile-360';

/** Opens explore on the saved chart; the first load must paint the chart, with no click and no reload. */
function openExplore(session: Session, fx: Fixtures, name: string, customerId = 'ACME-001') {
  const { page } = session;
  return diagnose(session, name, async () => {
    await page.goto(`${BASE_URL}/explore/?slice_id=${fx.chartId}&customer_id=${customerId}`);
    expect(await firstLoad(page, FRAME)).toBe('chart');
    await page.locator(FRAME).getByRole('heading', { name: 'Acme Corporation' }).waitFor();
  });
}

const LABELS = {
  show_alerts: 'Show alerts',
  show_financial_data: 'Show financial data',
  show_sensitive_data: 'Show sensitive data',
} as const;
/** Waits (a while) for the control panel to show a section; a wrong panel is then reported by its sections. */
const panelShown = (page: Page) =>
  page
    .locator('.ant-collapse-header:visible', { hasText: /\S/ })
    .first()
    .waitFor({ timeout: 15000 })
    .catch(() => undefined);
const checkbox = (page: Page, control: keyof typeof LABELS) => controlCheckbox(page, LABELS[control]);
/** The chart's bundle, as the package serves it. */
const BUNDLE_URL = /\/customer-profile\/static\/[^/]+\.js(\?|$)/;
/** Loads of explore in a row that must each come right the first time (the loader race showed in 1 of 5 or 6). */
const LOADS = Number(process.env.E2E_EXPLORE_LOADS || 6);
const alerts = (page: Page) => page.locator(`${FRAME} [role="list"][aria-label="Alerts"]`);

e2e('explore', () => {
  let browser: Browser;
  let fx: Fixtures;

  beforeAll(async () => {
    fx = readFixtures();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('light theme', () => {
    let session: Session;
    beforeAll(async () => {
      session = await openSession(browser, 'default');
    });

    test(`the first load is right every time: ${LOADS} explore loads, each with the plugin's panel and query, no click`, async () => {
      const { page } = session;
      const outcomes: string[] = [];
      for (let load = 1; load <= LOADS; load += 1) {
        const query = page.waitForRequest(req => req.url().includes('/api/v1/chart/data') && req.method() === 'POST');
        await page.goto(`${BASE_URL}/explore/?slice_id=${fx.chartId}&customer_id=ACME-001`);
        const outcome = await firstLoad(page, FRAME);
        const sent = JSON.parse((await query).postData() || '{}');
        // The plugin's buildQuery: raw records of the contract's columns, no metrics (an aggregate would GROUP BY).
        const ours = (sent.queries?.[0]?.columns ?? []).includes('customer_id') && !sent.queries?.[0]?.metrics;
        await panelShown(page);
        const sections = await panelSections(page);
        const panel = sections.includes('column mapping') && sections.includes('permissions');
        outcomes.push(`${outcome}${ours ? '' : ', generic query'}${panel ? '' : `, panel [${sections.join(', ')}]`}`);
      }
      recordObservation(`explore-first-loads-${SUPERSET_VERSION}`, outcomes);
      expect(outcomes).toEqual(Array(LOADS).fill('chart'));
    });

    // The race made certain: the bundle arrives 3 s late, long after explore's own data. Without the package's
    // explore hold this load shows an empty panel and "Empty query?" in every version (measured in 4.1.4 and 6.0.0).
    test("a bundle that arrives 3 s late still gives the plugin's panel and query on the first load", async () => {
      const context = session.context;
      const page = await context.newPage();
      await page.route(BUNDLE_URL, async route => {
        await new Promise(resolve => setTimeout(resolve, 3000));
        await route.continue();
      });
      try {
        await page.goto(`${BASE_URL}/explore/?slice_id=${fx.chartId}&customer_id=ACME-001`);
        expect(await firstLoad(page, FRAME)).toBe('chart');
        await panelShown(page);
        expect(await panelSections(page)).toEqual(expect.arrayContaining(['column mapping', 'permissions']));
      } finally {
        await page.close();
      }
    });

    test('renders the Jinja-filtered customer: Acme, $250,000, the alert banner, no switcher', async () => {
      const { page } = session;
      await openExplore(session, fx, 'explore-light');
      const frame = page.locator(FRAME);
      await frame.getByRole('heading', { name: 'Acme Corporation' }).waitFor();
      await expect(frame.getByText('$250,000').first().isVisible()).resolves.toBe(true);
      await alerts(page).waitFor();
      await expect(alerts(page).innerText()).resolves.toMatch(/Health score critical \(45\)/);
      await expect(alerts(page).innerText()).resolves.toMatch(/Renewal in 25 days/);
      // url_param('customer_id') left one row: no customer switcher.
      await expect(page.locator('#customer-profile-switcher').count()).resolves.toBe(0);
      await expect(page.getByText('1 row', { exact: true }).first().isVisible()).resolves.toBe(true);
      const colors = await colorsOf(page, FRAME);
      recordObservation('explore-light', { frame: colors, body: await colorsOf(page, 'body') });
      expect(luminance(colors?.background)).toBeGreaterThan(0.8);
      await screenshot(page, 'explore-light');
    });

    test("the control panel is the plugin's: Query / Column mapping / Permissions, then Display / Thresholds / Formatting", async () => {
      const { page } = session;
      const data = await panelSections(page);
      expect(data).toEqual(expect.arrayContaining(['query', 'column mapping', 'permissions']));
      await expect(checkbox(page, 'show_financial_data').isChecked()).resolves.toBe(true);
      await expect(checkbox(page, 'show_sensitive_data').isChecked()).resolves.toBe(false);
      await page.getByRole('tab', { name: 'Customize' }).click();
      await page.locator('.ant-collapse-header', { hasText: 'Thresholds' }).waitFor();
      const all = await panelSections(page);
      expect(all).toEqual(expect.arrayContaining(['display', 'thresholds', 'formatting']));
      await expect(page.locator('.ControlHeader', { hasText: 'Default tab' }).count()).resolves.toBe(1);
      await expect(page.locator('.ControlHeader', { hasText: 'Health critical' }).count()).resolves.toBe(1);
    });

    test('unticking "Show alerts" removes the banner at once (render trigger, no query)', async () => {
      const { page } = session;
      await expect(checkbox(page, 'show_alerts').isChecked()).resolves.toBe(true);
      await checkbox(page, 'show_alerts').uncheck();
      await alerts(page).waitFor({ state: 'detached' });
      await expect(page.locator(FRAME).getByRole('heading', { name: 'Acme Corporation' }).isVisible()).resolves.toBe(
        true,
      );
      await checkbox(page, 'show_alerts').check();
      await alerts(page).waitFor();
    });

    test('unticking "Show financial data" and updating the chart hides ARR', async () => {
      const { page, errors } = session;
      await page.getByRole('tab', { name: 'Data' }).click();
      await checkbox(page, 'show_financial_data').uncheck();
      const query = page.waitForResponse(
        res => res.url().includes('/api/v1/chart/data') && res.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Update chart' }).click();
      const response = await query;
      expect(response.status()).toBe(200);
      const sent = JSON.parse(response.request().postData() || '{}');
      expect(sent.queries[0].columns).not.toContain('current_arr');
      expect(sent.queries[0].url_params).toEqual(expect.objectContaining({ customer_id: 'ACME-001' }));
      await page.locator(FRAME).getByRole('heading', { name: 'Acme Corporation' }).waitFor();
      await page.waitForFunction(sel => !document.querySelector(sel)?.textContent?.includes('$250,000'), FRAME);
      expect(errors).toEqual([]);
    });
  });

  describeIf(FEATURES.darkMode, 'dark theme (Superset 6 theme mode "dark")', () => {
    let session: Session;
    beforeAll(async () => {
      session = await openSession(browser, 'dark');
      await openExplore(session, fx, 'explore-dark');
    });

    test('the host is dark and passes its dark antd theme to the chart as chartProps.theme', async () => {
      const { page, errors } = session;
      const body = await colorsOf(page, 'body');
      expect(luminance(body?.background)).toBeLessThan(0.05);
      await screenshot(page, 'explore-dark');
      // Re-query (a render-trigger change reuses the transformProps the chart already loaded) to see the props the
      // host gives transformProps.
      await spyOnChartProps(page);
      await checkbox(page, 'show_sensitive_data').check();
      await page.getByRole('button', { name: 'Update chart' }).click();
      await page.waitForFunction(() => !!(window as unknown as { __cp360ChartProps?: unknown }).__cp360ChartProps);
      const seen = await chartPropsSeen(page);
      const frame = await colorsOf(page, FRAME);
      recordObservation('explore-dark', { body, frame, chartProps: seen });
      expect(seen?.keys).toContain('theme');
      expect(luminance(`rgb(${hexToRgb(String(seen?.theme.colorBgContainer))})`)).toBeLessThan(0.05);
      expect(errors).toEqual([]);
    });

    // The bundled @emotion/react has its own ThemeContext (useTheme() returns {}), so the chart follows the host
    // through chartProps.theme, which Superset hands to every chart.
    test('the chart follows the dark host theme', async () => {
      const frame = await colorsOf(session.page, FRAME);
      expect(luminance(frame?.background)).toBeLessThan(0.2);
    });
  });
});

function hexToRgb(hex: string): string {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.replace(/(.)/g, '$1$1') : h.slice(0, 6);
  const n = parseInt(full, 16);
  return `${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}`;
}
