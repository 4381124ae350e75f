/** (a) The dynamic bundle registers the chart with the host: it is offered in the chart gallery (/chart/add). */
import type { Browser } from 'playwright-core';
import { BASE_URL, PLUGIN_NAME, VIZ_TYPE } from './support/api';
import { launchBrowser, openSession, screenshot, Session, waitForPlugin } from './support/browser';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;

e2e('chart gallery', () => {
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openSession(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the loader lists and imports the bundle, which registers customer_profile with the host', async () => {
    const { page } = session;
    const bundle = page.waitForResponse(res =>
      /\/customer-profile\/static\/customer-profile\.[0-9a-f]{16}\.js$/.test(res.url()),
    );
    await page.goto(`${BASE_URL}/chart/add`);
    const response = await bundle;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/javascript/);
    // The file name carries the bundle's hash, so the package may let browsers keep it.
    expect(response.headers()['cache-control']).toMatch(/max-age=31536000/);
    await waitForPlugin(page);
    const registered = await page.evaluate(key => {
      const core = (window as unknown as Record<string, Record<string, () => { get(k: string): unknown }>>)[
        '__superset__/@superset-ui/core'
      ];
      const metadata = core.getChartMetadataRegistry().get(key) as { name?: string; thumbnail?: string } | undefined;
      return {
        name: metadata?.name,
        thumbnailIsDataUrl: !!metadata?.thumbnail?.startsWith('data:image/png;base64,'),
        hasControlPanel: !!core.getChartControlPanelRegistry().get(key),
        hasBuildQuery: !!core.getChartBuildQueryRegistry().get(key),
      };
    }, VIZ_TYPE);
    expect(registered).toEqual({
      name: PLUGIN_NAME,
      thumbnailIsDataUrl: true,
      hasControlPanel: true,
      hasBuildQuery: true,
    });
  });

  test('"Customer Profile 360" is in the gallery, found by search, with its description', async () => {
    const { page, errors } = session;
    await page.locator('input[placeholder*="Search all charts"]').first().fill('Customer');
    const tile = page.getByText(PLUGIN_NAME, { exact: true }).first();
    await tile.waitFor();
    await tile.click();
    await page
      .getByText(/One customer's 360° view/)
      .first()
      .waitFor();
    await screenshot(page, 'gallery-light');
    expect(errors).toEqual([]);
  });
});
