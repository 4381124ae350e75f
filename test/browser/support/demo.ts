/**
 * Driving the demo page: one shared Chromium per run (started by globalSetup), a new context per test, and helpers
 * that wait on what the page shows rather than on time.
 */
import { Browser, BrowserContext, chromium, Download, Locator, Page } from 'playwright-core';
import { ENV } from './launch';

export const FULL_VIEWPORT = { width: 1500, height: 1000 };

export function demoUrl(path = ''): string {
  const base = process.env[ENV.demoUrl];
  if (!base) throw new Error('The demo server is not running: run through jest.browser.config.js (globalSetup).');
  return new URL(path, base).toString();
}

export function connectBrowser(): Promise<Browser> {
  const endpoint = process.env[ENV.browserEndpoint];
  if (!endpoint) throw new Error('No shared browser: run through jest.browser.config.js (globalSetup).');
  return chromium.connect(endpoint);
}

/** The query context the page posted to /api/v1/chart/data. */
export interface ChartDataRequest {
  queries: { columns: string[]; filters?: { col: string; op: string; val?: unknown }[]; row_limit?: number }[];
  form_data: Record<string, unknown>;
}

export interface Demo {
  context: BrowserContext;
  page: Page;
  /** console.error messages, uncaught exceptions and failed requests, in order. */
  errors: string[];
  chartRequests: ChartDataRequest[];
  close: () => Promise<void>;
}

const isChartData = (url: string) => new URL(url).pathname === '/api/v1/chart/data';

/** A new context and page with the demo loaded and the chart drawn for Acme. */
export async function openDemo(browser: Browser, path = ''): Promise<Demo> {
  const context = await browser.newContext({ viewport: FULL_VIEWPORT, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const chartRequests: ChartDataRequest[] = [];
  page.on('console', message => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', error => errors.push(`uncaught: ${error.message}`));
  page.on('response', response => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} from ${response.url()}`);
  });
  page.on('request', request => {
    if (isChartData(request.url())) chartRequests.push(request.postDataJSON() as ChartDataRequest);
  });
  await page.goto(demoUrl(path));
  await waitForChart(page);
  return { context, page, errors, chartRequests, close: () => context.close() };
}

export const status = (page: Page) => page.getByTestId('chart-status');
export const chart = (page: Page) => page.getByTestId('chart-container');

/** The chart is drawn from a finished query: status ready and the customer's heading (or a message) shown. */
export async function waitForChart(page: Page): Promise<void> {
  await page.locator('[data-testid="chart-status"][data-state="ready"]').waitFor();
  await chart(page).locator('h2').first().waitFor();
}

/** Runs a change that must query again, and waits until the new result is drawn. */
export async function withQuery(page: Page, change: () => Promise<void>): Promise<ChartDataRequest> {
  const response = page.waitForResponse(r => isChartData(r.url()));
  await change();
  const request = (await response).request().postDataJSON() as ChartDataRequest;
  await waitForChart(page);
  return request;
}

export const control = (page: Page, name: string) => page.getByTestId(`control-${name}`);

export async function setNumber(page: Page, name: string, value: number): Promise<void> {
  await control(page, name).fill(String(value));
}

export async function setCheckbox(page: Page, name: string, checked: boolean): Promise<void> {
  await control(page, name).setChecked(checked);
}

/** The page's customer filter; '' is "All customers". */
export async function selectCustomer(page: Page, customerId: string): Promise<void> {
  await page.getByTestId('customer-picker').selectOption(customerId);
}

export const tab = (page: Page, name: string) => chart(page).getByRole('tab', { name, exact: true });

/** The tab panel on show (antd keeps visited panels in the DOM, hidden). */
export const activePanel = (page: Page) => chart(page).getByRole('tabpanel');

/**
 * Opens a tab and waits for its panel's content: every tab but the Overview loads lazily, behind a spinner that is
 * committed together with the tab's selection, so once the tab is selected the spinner's absence means content.
 */
export async function openTab(page: Page, name: string): Promise<Locator> {
  await tab(page, name).click();
  await chart(page).locator(`[role="tab"][aria-selected="true"]`, { hasText: name }).waitFor();
  const panel = activePanel(page);
  await panel.locator('.cp360-spin').waitFor({ state: 'detached' });
  await panel.locator(':scope > *').first().waitFor();
  return panel;
}

export async function tabNames(page: Page): Promise<string[]> {
  return chart(page).getByRole('tab').allInnerTexts();
}

/**
 * Every text, attribute and form value of the page, the chart's popups included, but not the demo's control panel
 * (its number-format choices read "250,000"): what a hidden value must not be found in.
 */
export function pageSource(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = Array.from(document.querySelectorAll('main input, main textarea, main select')).map(
      element => (element as HTMLInputElement).value,
    );
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('aside')?.remove();
    return `${copy.outerHTML}\n${values.join('\n')}`;
  });
}

/** Opens every tab in turn, so that each lazily loaded panel is in the DOM. */
export async function visitAllTabs(page: Page): Promise<void> {
  for (const name of await tabNames(page)) await openTab(page, name);
}

/** The downloaded file's text, streamed from the browser (a connected browser's files are not on this disk). */
async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

/** Export -> "Export CSV" / "Export JSON": the downloaded file's name and text. */
export async function exportAs(page: Page, kind: 'CSV' | 'JSON'): Promise<{ name: string; text: string }> {
  await chart(page).getByRole('button', { name: 'Export', exact: true }).click();
  const item = page.getByRole('menuitem', { name: `Export ${kind}` });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  // The menu closes after a choice; waiting for it keeps the next click from landing on a closing menu.
  await item.waitFor({ state: 'hidden' });
  return { name: download.suggestedFilename(), text: await readDownload(download) };
}

/** One customer's row straight from the demo's chart-data API, json columns parsed. */
export async function fetchCustomerRow(customerId: string, columns: string[]): Promise<Record<string, unknown>> {
  const response = await fetch(demoUrl('/api/v1/chart/data'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      queries: [{ columns, filters: [{ col: 'customer_id', op: '==', val: customerId }], row_limit: 1 }],
    }),
  });
  if (!response.ok) throw new Error(`chart data: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { result: { data: Record<string, unknown>[] }[] };
  const row = body.result[0].data[0];
  const isJsonText = (value: unknown): value is string => typeof value === 'string' && /^[[{]/.test(value);
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, isJsonText(value) ? JSON.parse(value) : value]),
  );
}
