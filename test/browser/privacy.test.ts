/**
 * Permissions and exports: hidden values are not queried, not in the page (text, attributes, form values), and not
 * in the CSV or JSON export. Sensitive data is off by default; financial data is on.
 */
import type { Browser } from 'playwright-core';
import { ACME } from './support/acme';
import {
  chart,
  ChartDataRequest,
  connectBrowser,
  Demo,
  demoUrl,
  exportAs,
  fetchCustomerRow,
  openDemo,
  openTab,
  pageSource,
  setCheckbox,
  tab,
  visitAllTabs,
  withQuery,
} from './support/demo';

let browser: Browser;
let demo: Demo;
let sensitive: string[];
let contactEmails: string[];

const FINANCIAL = ['250000', '250,000', '1200000', '1,200,000'];

beforeAll(async () => {
  browser = await connectBrowser();
  const row = await fetchCustomerRow(ACME.id, ['address', 'phone', 'email', 'csm_phone', 'contact_details']);
  const details = row.contact_details as { email?: string; phone?: string }[];
  contactEmails = details.map(c => c.email).filter((v): v is string => !!v);
  sensitive = [
    ACME.inn,
    ACME.legalName,
    row.address as string,
    row.phone as string,
    row.email as string,
    row.csm_phone as string,
    ...details.flatMap(c => [c.email, c.phone]).filter((v): v is string => !!v),
  ];
});
afterAll(() => browser.close());
beforeEach(async () => {
  demo = await openDemo(browser);
});
afterEach(async () => {
  await demo.close();
  expect(demo.errors).toEqual([]);
});

const found = (text: string, values: string[]) => values.filter(value => text.includes(value));

/** The chart's own query asked again: the text of what the server sends back. */
async function answerTo(request: ChartDataRequest): Promise<string> {
  const response = await fetch(demoUrl('/api/v1/chart/data'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  expect(response.ok).toBe(true);
  return response.text();
}

test('by default no sensitive value is requested, sent back or anywhere in the page', async () => {
  const { page, chartRequests } = demo;
  expect(sensitive.length).toBeGreaterThan(8);
  for (const column of ['legal_name', 'inn', 'address', 'phone', 'email', 'csm_phone', 'contact_details'])
    expect(chartRequests[0].queries[0].columns).not.toContain(column);
  // Hidden means not sent: the contacts' e-mails and phones are not in the answer to the chart's query.
  expect(chartRequests[0].queries[0].columns).toContain('contacts');
  expect(found(await answerTo(chartRequests[0]), sensitive)).toEqual([]);
  await visitAllTabs(page);
  expect(found(await pageSource(page), sensitive)).toEqual([]);
});

test('show_sensitive_data shows INN and legal name; switched off they leave the DOM', async () => {
  const { page } = demo;
  const on = await withQuery(page, () => setCheckbox(page, 'show_sensitive_data', true));
  expect(on.queries[0].columns).toEqual(expect.arrayContaining(['legal_name', 'inn', 'contact_details']));
  await chart(page).getByText(ACME.inn).first().waitFor();
  await visitAllTabs(page);
  // The check below can see these values when they are there, the contacts' e-mails (from contact_details) too.
  const shown = [ACME.inn, ACME.legalName, ...contactEmails];
  expect(found(await pageSource(page), shown)).toEqual(shown);

  const off = await withQuery(page, () => setCheckbox(page, 'show_sensitive_data', false));
  expect(off.queries[0].columns).not.toContain('inn');
  expect(off.queries[0].columns).not.toContain('contact_details');
  await chart(page).getByText(ACME.inn).first().waitFor({ state: 'detached' });
  await visitAllTabs(page);
  expect(found(await pageSource(page), sensitive)).toEqual([]);
});

test('show_financial_data off: no ARR, LTV or Revenue tab in the query, page or exports', async () => {
  const { page } = demo;
  await chart(page).getByRole('region', { name: 'ARR', exact: true }).waitFor();
  const request = await withQuery(page, () => setCheckbox(page, 'show_financial_data', false));
  for (const column of ['current_arr', 'ltv', 'total_paid', 'invoices', 'payments', 'arr_history'])
    expect(request.queries[0].columns).not.toContain(column);
  await chart(page).getByRole('region', { name: 'ARR', exact: true }).waitFor({ state: 'detached' });
  await tab(page, 'Revenue History').waitFor({ state: 'detached' });
  await visitAllTabs(page);
  expect(found(await pageSource(page), FINANCIAL)).toEqual([]);

  const csv = await exportAs(page, 'CSV');
  const json = await exportAs(page, 'JSON');
  expect(found(csv.text, FINANCIAL)).toEqual([]);
  expect(found(json.text, FINANCIAL)).toEqual([]);
  expect(JSON.parse(json.text).profile.revenue).toBeUndefined();
  expect(found(csv.text + json.text, sensitive)).toEqual([]);
});

test('CSV and JSON exports match the page and hold no hidden value', async () => {
  const { page } = demo;
  const name = await chart(page).getByRole('heading', { level: 2 }).first().innerText();
  const arr = await chart(page).getByRole('region', { name: 'ARR', exact: true }).innerText();
  const health = await chart(page).getByRole('region', { name: 'Health', exact: true }).innerText();
  const alertKinds = await chart(page)
    .locator('[data-alert]')
    .evaluateAll(items => items.map(item => item.getAttribute('data-alert')));
  expect(arr).toContain('$250,000');
  expect(health).toContain('45/100');

  const json = await exportAs(page, 'JSON');
  expect(json.name).toBe(`customer-profile-${ACME.id}.json`);
  const exported = JSON.parse(json.text);
  expect(exported.profile.id).toBe(ACME.id);
  expect(exported.profile.name).toBe(name);
  expect(exported.profile.revenue.currentArr).toBe(ACME.arr);
  expect(exported.profile.health.score).toBe(ACME.health);
  expect(exported.profile.products.active).toEqual([...ACME.products]);
  expect(exported.alerts.map((a: { kind: string }) => a.kind)).toEqual(alertKinds);
  expect(found(json.text, sensitive)).toEqual([]);

  const csv = await exportAs(page, 'CSV');
  expect(csv.name).toBe(`customer-profile-${ACME.id}.csv`);
  const lines = csv.text.split('\r\n');
  expect(lines[0]).toBe('field,value');
  expect(lines).toEqual(
    expect.arrayContaining([
      `id,${ACME.id}`,
      `name,${name}`,
      `revenue.currentArr,${ACME.arr}`,
      `health.score,${ACME.health}`,
    ]),
  );
  expect(found(csv.text, sensitive)).toEqual([]);

  // The Overview still shows what was exported.
  await openTab(page, 'Overview');
  expect(await chart(page).getByRole('region', { name: 'ARR', exact: true }).innerText()).toContain('$250,000');
});
