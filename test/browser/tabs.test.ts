/** Every tab of Acme's profile opens and shows Acme's data; the tab controls of the control panel. */
import type { Browser } from 'playwright-core';
import { ACME } from './support/acme';
import {
  activePanel,
  chart,
  connectBrowser,
  control,
  Demo,
  fetchCustomerRow,
  openDemo,
  openTab,
  setCheckbox,
  tab,
  tabNames,
} from './support/demo';

interface Named {
  name?: string;
  title?: string;
  subject?: string;
  product_name?: string;
  component?: string;
  score?: number;
  invoice_id?: string;
  active_users?: number;
}

let browser: Browser;
let demo: Demo;
let detail: Record<string, Named[]>;

beforeAll(async () => {
  browser = await connectBrowser();
  detail = (await fetchCustomerRow(ACME.id, [
    'activities',
    'contacts',
    'documents',
    'invoices',
    'product_usage',
    'health_breakdown',
  ])) as Record<string, Named[]>;
});
afterAll(() => browser.close());

beforeEach(async () => {
  demo = await openDemo(browser);
});
afterEach(async () => {
  await demo.close();
  expect(demo.errors).toEqual([]);
});

const ALL_TABS = [
  'Overview',
  'Products & Usage',
  'Revenue History',
  'Health & Risk',
  'Activity Timeline',
  'Contacts',
  'Documents',
];

test('the Overview opens first with Acme: ARR $250,000, health 45, renewal in 25 days, CRM/BI/API', async () => {
  const { page } = demo;
  expect(await chart(page).getByRole('heading', { level: 2 }).first().innerText()).toBe(ACME.name);
  expect(await tabNames(page)).toEqual(ALL_TABS);
  expect(await tab(page, 'Overview').getAttribute('aria-selected')).toBe('true');
  const card = (name: string) => activePanel(page).getByRole('region', { name, exact: true });
  expect(await card('ARR').innerText()).toContain('$250,000');
  expect(await card('Health').innerText()).toContain(`${ACME.health}/100`);
  expect(await card('Products').innerText()).toContain('3 active');
  expect(await card('Products').innerText()).toContain(ACME.products.join(', '));
  expect(await card('Renewal').innerText()).toContain(`${ACME.renewalDays} days`);
  const subline = await chart(page).locator('header').innerText();
  expect(subline).toContain(`${ACME.segment} • ${ACME.industry} • ${ACME.city}, ${ACME.region}`);
  expect(subline).toContain(ACME.csm.name);
});

test('Products & Usage lists each active product with its users', async () => {
  const panel = await openTab(demo.page, 'Products & Usage');
  for (const product of detail.product_usage) {
    const header = demo.page.getByRole('rowheader', { name: product.product_name, exact: true });
    const row = panel.getByRole('row').filter({ has: header });
    expect(await row.innerText()).toContain(String(product.active_users));
  }
  expect(detail.product_usage.map(p => p.product_name)).toEqual([...ACME.products]);
});

test('Revenue History shows the ARR and every invoice, newest first', async () => {
  const panel = await openTab(demo.page, 'Revenue History');
  const text = await panel.innerText();
  expect(text).toContain('$250,000');
  expect(text).toContain('$1,200,000');
  const newest = detail.invoices[0].invoice_id as string;
  await panel.getByRole('rowheader', { name: newest, exact: true }).waitFor();
  expect(detail.invoices).toHaveLength(ACME.counts.invoices);
});

test('Health & Risk shows the score and its five components', async () => {
  const panel = await openTab(demo.page, 'Health & Risk');
  const text = await panel.innerText();
  expect(text).toContain(`${ACME.health}/100`);
  for (const part of detail.health_breakdown) {
    const row = panel.getByRole('row').filter({ hasText: part.component });
    expect(await row.first().innerText()).toContain(`${part.score}/100`);
  }
});

test('Activity Timeline shows the interactions, newest first', async () => {
  const panel = await openTab(demo.page, 'Activity Timeline');
  const text = await panel.innerText();
  expect(text).toContain(`${ACME.counts.activities} events`);
  await panel
    .getByText(detail.activities[0].subject as string, { exact: true })
    .first()
    .waitFor();
});

test('Contacts shows every contact, the primary one first', async () => {
  const panel = await openTab(demo.page, 'Contacts');
  const text = await panel.innerText();
  expect(detail.contacts).toHaveLength(ACME.counts.contacts);
  for (const contact of detail.contacts) expect(text).toContain(contact.name);
  expect(text.indexOf(detail.contacts[0].name as string)).toBeLessThan(text.indexOf(detail.contacts[1].name as string));
});

test('Documents lists every document', async () => {
  const panel = await openTab(demo.page, 'Documents');
  const text = await panel.innerText();
  expect(detail.documents).toHaveLength(ACME.counts.documents);
  for (const document of detail.documents) expect(text).toContain(document.title);
});

test('visible_tabs hides tabs and keeps their order; no new query', async () => {
  const { page, chartRequests } = demo;
  await setCheckbox(page, 'visible_tabs-revenue', false);
  await setCheckbox(page, 'visible_tabs-documents', false);
  await tab(page, 'Documents').waitFor({ state: 'detached' });
  expect(await tabNames(page)).toEqual(ALL_TABS.filter(t => t !== 'Revenue History' && t !== 'Documents'));
  // Picked back in a different order, shown in the usual one.
  await setCheckbox(page, 'visible_tabs-documents', true);
  await setCheckbox(page, 'visible_tabs-revenue', true);
  await tab(page, 'Revenue History').waitFor();
  expect(await tabNames(page)).toEqual(ALL_TABS);
  expect(chartRequests).toHaveLength(1);
});

test('default_tab opens that tab; a hidden default falls back to the first tab', async () => {
  const { page, chartRequests } = demo;
  await control(page, 'default_tab').selectOption('health');
  await chart(page).locator('[role="tab"][aria-selected="true"]', { hasText: 'Health & Risk' }).waitFor();
  // The panel loads lazily: wait for its content, not just for the selected tab.
  await activePanel(page).getByText('Score breakdown').first().waitFor();

  await control(page, 'default_tab').selectOption('documents');
  await chart(page).locator('[role="tab"][aria-selected="true"]', { hasText: 'Documents' }).waitFor();
  await setCheckbox(page, 'visible_tabs-documents', false);
  await chart(page).locator('[role="tab"][aria-selected="true"]', { hasText: 'Overview' }).waitFor();
  expect(chartRequests).toHaveLength(1);
});

test('unticking every tab says how to get them back', async () => {
  const { page } = demo;
  for (const id of ['overview', 'products', 'revenue', 'health', 'activity', 'contacts', 'documents'])
    await setCheckbox(page, `visible_tabs-${id}`, false);
  await chart(page).getByText('No tab is visible', { exact: false }).waitFor();
  expect(await chart(page).getByRole('tab').count()).toBe(0);
});
