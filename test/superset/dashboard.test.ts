/**
 * (c) A dashboard holding the chart, with a native select filter on customer_id (created through the REST API with
 * json_metadata.native_filter_configuration, default ACME-001): the chart shows the chosen customer, and choosing
 * another one in the filter bar shows that one. (d) Light and dark screenshots of the dashboard.
 */
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, Fixtures, readFixtures, recordObservation } from './support/api';
import {
  colorsOf,
  diagnose,
  launchBrowser,
  luminance,
  openSession,
  screenshot,
  Session,
  waitForPlugin,
} from './support/browser';
import { describeIf, FEATURES } from './support/host';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;
const FRAME = '.customer-profile-360';

function openDashboard(session: Session, fx: Fixtures, name: string) {
  const { page } = session;
  return diagnose(session, name, async () => {
    await page.goto(`${BASE_URL}/superset/dashboard/${fx.dashboardId}/`);
    await waitForPlugin(page);
    await page.locator(FRAME).getByRole('heading', { name: 'Acme Corporation' }).waitFor();
  });
}

const filterSelect = (page: Page) => page.locator('.ant-select').first();

e2e('dashboard with a native filter on customer_id', () => {
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

    test("the filter's default ACME-001 reaches the chart: only Acme, with ARR and alerts", async () => {
      const { page } = session;
      const query = page.waitForResponse(
        res =>
          res.url().includes('/api/v1/chart/data') &&
          /"viz_type":"customer_profile"/.test(res.request().postData() || ''),
      );
      await openDashboard(session, fx, 'dashboard-light');
      const sent = JSON.parse((await query).request().postData() || '{}');
      expect(sent.queries[0].filters).toEqual(
        expect.arrayContaining([expect.objectContaining({ col: 'customer_id', op: 'IN', val: ['ACME-001'] })]),
      );
      // The filter bar, by what every version shows: the filter's name and its select (the dashboard's only host
      // select: the chart's own components carry the cp360 prefix, and one customer shows no switcher).
      await page.getByText('Customer', { exact: true }).first().waitFor();
      await filterSelect(page).locator('.ant-select-selection-item', { hasText: 'ACME-001' }).waitFor();
      const frame = page.locator(FRAME);
      await expect(frame.getByText('$250,000').first().isVisible()).resolves.toBe(true);
      await expect(frame.locator('[role="list"][aria-label="Alerts"]').isVisible()).resolves.toBe(true);
      await expect(page.locator('#customer-profile-switcher').count()).resolves.toBe(0);
      recordObservation('dashboard-light', { frame: await colorsOf(page, FRAME), body: await colorsOf(page, 'body') });
      await screenshot(page, 'dashboard-light');
    });

    test('choosing BALT-031 in the filter bar and applying shows Baltic Software', async () => {
      const { page, errors } = session;
      await filterSelect(page).click();
      await page.keyboard.type('BALT-031');
      await page.locator('.ant-select-item-option', { hasText: 'BALT-031' }).first().click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /apply filters/i }).click();
      const frame = page.locator(FRAME);
      await frame.getByRole('heading', { name: 'Baltic Software' }).waitFor();
      await expect(frame.getByText('Acme Corporation').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    });
  });

  describeIf(FEATURES.darkMode, 'dark theme', () => {
    let session: Session;
    beforeAll(async () => {
      session = await openSession(browser, 'dark');
    });

    test('the dashboard renders the chart in the dark host', async () => {
      const { page, errors } = session;
      await openDashboard(session, fx, 'dashboard-dark');
      const body = await colorsOf(page, 'body');
      const frame = await colorsOf(page, FRAME);
      recordObservation('dashboard-dark', { body, frame });
      expect(luminance(body?.background)).toBeLessThan(0.05);
      await screenshot(page, 'dashboard-dark');
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
