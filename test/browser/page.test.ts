/**
 * The demo page as a host: explore's query rule (renderTrigger controls redraw, others query), the customer
 * filter, url_params, the size, theme and language switches, and the watchlist across a reload.
 */
import type { Browser } from 'playwright-core';
import { SAMPLE_THEMES } from '../../src/theme/tokens';
import { ACME } from './support/acme';
import {
  chart,
  connectBrowser,
  Demo,
  openDemo,
  selectCustomer,
  setNumber,
  status,
  tab,
  waitForChart,
  withQuery,
} from './support/demo';

let browser: Browser;
let demo: Demo | undefined;

beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(() => browser.close());
afterEach(async () => {
  if (!demo) return;
  await demo.close();
  expect(demo.errors).toEqual([]);
  demo = undefined;
});

const heading = (d: Demo) => chart(d.page).getByRole('heading', { level: 2 }).first();

test("the first query is the plugin's buildQuery with the customer filter", async () => {
  demo = await openDemo(browser);
  const [request] = demo.chartRequests;
  expect(request.queries[0].filters).toEqual([{ col: 'customer_id', op: '==', val: ACME.id }]);
  expect(request.queries[0].columns).toContain('customer_id');
  // Sensitive data is off by default: its columns are not even requested.
  expect(request.queries[0].columns).not.toContain('inn');
  expect(request.queries[0].columns).not.toContain('legal_name');
  expect(request.form_data.viz_type).toBe('customer_profile');
  expect(await status(demo.page).getAttribute('data-queries')).toBe('1');
});

test('a query control (row_limit) queries again; a renderTrigger control does not', async () => {
  demo = await openDemo(browser);
  const { page, chartRequests } = demo;
  await setNumber(page, 'health_critical_threshold', 40);
  await chart(page).getByRole('region', { name: 'Health', exact: true }).getByText('At risk').waitFor();
  expect(chartRequests).toHaveLength(1);
  const request = await withQuery(page, () => setNumber(page, 'row_limit', 7));
  expect(request.queries[0].row_limit).toBe(7);
  expect(chartRequests).toHaveLength(2);
});

test('the customer picker filters like a dashboard filter; "All customers" shows the switcher', async () => {
  demo = await openDemo(browser);
  const { page } = demo;
  const request = await withQuery(page, () => selectCustomer(page, ''));
  expect(request.queries[0].filters ?? []).toEqual([]);
  const switcher = chart(page).getByRole('combobox', { name: /Choose a customer/ });
  await switcher.waitFor();
  expect(await switcher.getAttribute('aria-label')).toBe('Choose a customer (50)');
  expect(await heading(demo).innerText()).toBe(ACME.name);

  const keystone = await withQuery(page, () => selectCustomer(page, 'KEYS-018'));
  expect(keystone.queries[0].filters).toEqual([{ col: 'customer_id', op: '==', val: 'KEYS-018' }]);
  await chart(page).getByRole('heading', { name: 'Keystone Freight', level: 2 }).waitFor();
  await switcher.waitFor({ state: 'detached' });
});

test("a dashboard link's ?customer_id= reaches the query as url_params", async () => {
  demo = await openDemo(browser, '/?customer_id=NIMB-055');
  expect(demo.chartRequests[0].form_data.url_params).toEqual({ customer_id: 'NIMB-055' });
  expect(await heading(demo).innerText()).toBe('Nimbus Labs');
});

test('size: a 400x300 dashboard tile, and the full width of the chart area at 800 px high', async () => {
  demo = await openDemo(browser);
  const { page } = demo;
  const full = await chart(page).boundingBox();
  expect(full?.width).toBeGreaterThan(1000);
  expect(full?.height).toBe(800);
  await page.getByTestId('size-tile').check();
  await page.locator('[data-testid="chart-container"][data-size="tile"]').waitFor();
  const tile = await chart(page).boundingBox();
  expect([tile?.width, tile?.height]).toEqual([400, 300]);
  // The chart's own frame takes the size SuperChart gives it.
  const frame = await chart(page).locator('.customer-profile-360').boundingBox();
  expect([frame?.width, frame?.height]).toEqual([400, 300]);
  await heading(demo).waitFor();
});

test('theme: dark mode themes the page and the chart from the same tokens', async () => {
  demo = await openDemo(browser);
  const { page } = demo;
  const background = (selector: string) =>
    page.evaluate(s => getComputedStyle(document.querySelector(s) as Element).backgroundColor, selector);
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  expect(await background('body')).toBe(rgb(SAMPLE_THEMES.light.colorBgLayout));
  await page.getByTestId('theme-dark').check();
  await page.waitForFunction(
    expected => getComputedStyle(document.body).backgroundColor === expected,
    rgb(SAMPLE_THEMES.dark.colorBgLayout),
  );
  expect(await background('.customer-profile-360')).toBe(rgb(SAMPLE_THEMES.dark.colorBgContainer));
  const text = await page.evaluate(() => getComputedStyle(document.body).color);
  expect(text).toBe(rgb(SAMPLE_THEMES.dark.colorText));
  expect(demo.chartRequests).toHaveLength(1);
});

test('language: Russian translates the chart and the control panel, English brings it back', async () => {
  demo = await openDemo(browser);
  const { page } = demo;
  await page.getByTestId('language').selectOption('ru');
  await tab(page, 'Обзор').waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  await chart(page)
    .getByRole('button', { name: /Добавить в список наблюдения/ })
    .waitFor();
  expect(await page.locator('label[for="control-default_tab"]').innerText()).toBe('Вкладка по умолчанию');
  await page.getByTestId('language').selectOption('en');
  await tab(page, 'Overview').waitFor();
  expect(await page.locator('label[for="control-default_tab"]').innerText()).toBe('Default tab');
  expect(demo.chartRequests).toHaveLength(1);
});

test('the watchlist survives a page reload', async () => {
  demo = await openDemo(browser);
  const { page } = demo;
  const button = chart(page).getByRole('button', { name: /watchlist/ });
  expect(await button.getAttribute('aria-pressed')).toBe('false');
  await button.click();
  await chart(page).getByRole('button', { name: '★ On watchlist' }).waitFor();
  await page.reload();
  await waitForChart(page);
  await chart(page).getByRole('button', { name: '★ On watchlist' }).waitFor();
  expect(await button.getAttribute('aria-pressed')).toBe('true');
  // Off again, and still off after another reload.
  await button.click();
  await chart(page).getByRole('button', { name: '☆ Add to watchlist' }).waitFor();
  expect(await page.evaluate(() => Object.keys(localStorage).filter(key => key.includes('watchlist')))).toEqual([]);
  await page.reload();
  await waitForChart(page);
  expect(await button.getAttribute('aria-pressed')).toBe('false');
});
