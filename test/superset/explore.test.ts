/**
 * (b) A saved chart on a virtual dataset whose SQL filters with Jinja on url_param('customer_id'), opened in
 * explore as /explore/?slice_id=..&customer_id=ACME-001: the profile renders, the control panel is the plugin's,
 * and changing controls re-renders it. (d) Light and dark screenshots of explore.
 */
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, Fixtures, readFixtures, recordObservation } from './support/api';
import {
  chartPropsSeen,
  colorsOf,
  diagnose,
  launchBrowser,
  luminance,
  openSession,
  screenshot,
  Session,
  spyOnChartProps,
  rerunQueryBuiltBeforePlugin,
} from './support/browser';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;
const FRAME = '.customer-profile-360';

function openExplore(session: Session, fx: Fixtures, name: string, customerId = 'ACME-001') {
  const { page } = session;
  return diagnose(session, name, async () => {
    await page.goto(`${BASE_URL}/explore/?slice_id=${fx.chartId}&customer_id=${customerId}`);
    if (await rerunQueryBuiltBeforePlugin(page, FRAME)) recordObservation(`${name}-query-built-before-plugin`, true);
    await page.locator(FRAME).getByRole('heading', { name: 'Acme Corporation' }).waitFor();
  });
}

const checkbox = (page: Page, control: string) => page.locator(`[data-test="${control}-header"] input[type="checkbox"]`);
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
      const headers = () => page.locator('.ant-collapse-header').allInnerTexts();
      const data = (await headers()).map(h => h.trim());
      expect(data).toEqual(expect.arrayContaining(['Query', 'Column mapping', 'Permissions']));
      await expect(checkbox(page, 'show_financial_data').isChecked()).resolves.toBe(true);
      await expect(checkbox(page, 'show_sensitive_data').isChecked()).resolves.toBe(false);
      await page.getByRole('tab', { name: 'Customize' }).click();
      await page.locator('.ant-collapse-header', { hasText: 'Thresholds' }).waitFor();
      const all = (await headers()).map(h => h.trim());
      expect(all).toEqual(expect.arrayContaining(['Display', 'Thresholds', 'Formatting']));
      await expect(page.locator('[data-test="default_tab-header"]').count()).resolves.toBe(1);
      await expect(page.locator('[data-test="health_critical_threshold-header"]').count()).resolves.toBe(1);
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
      const query = page.waitForResponse(res => res.url().includes('/api/v1/chart/data') && res.request().method() === 'POST');
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

  describe('dark theme (Superset 6.1 theme mode "dark")', () => {
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
