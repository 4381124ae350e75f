/**
 * Alerts at their thresholds' boundaries, for Acme (health 45, renewal in 25 days, churn risk 78). Thresholds are
 * renderTrigger controls: the chart redraws from the data it has, without a new query.
 */
import type { Browser, Page } from 'playwright-core';
import { ACME } from './support/acme';
import { chart, connectBrowser, Demo, openDemo, setCheckbox, setNumber } from './support/demo';

let browser: Browser;
let demo: Demo;

beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(() => browser.close());
beforeEach(async () => {
  demo = await openDemo(browser);
});
afterEach(async () => {
  await demo.close();
  expect(demo.errors).toEqual([]);
});

const alert = (page: Page, kind: string) => chart(page).locator(`[data-alert="${kind}"]`);
const shown = (page: Page, kind: string) => alert(page, kind).waitFor();
const gone = (page: Page, kind: string) => alert(page, kind).waitFor({ state: 'detached' });

test('health critical: an alert below the threshold only (45 vs 46 for a score of 45)', async () => {
  const { page, chartRequests } = demo;
  await shown(page, 'health_critical');
  expect(await alert(page, 'health_critical').innerText()).toContain(`Health score critical (${ACME.health})`);
  await setNumber(page, 'health_critical_threshold', ACME.health);
  await gone(page, 'health_critical');
  await setNumber(page, 'health_critical_threshold', ACME.health + 1);
  await shown(page, 'health_critical');
  expect(await alert(page, 'health_critical').getAttribute('data-severity')).toBe('critical');
  expect(chartRequests).toHaveLength(1);
});

test('renewal urgent: an alert when renewal is within the window (24 vs 25 days for 25)', async () => {
  const { page, chartRequests } = demo;
  await shown(page, 'renewal_urgent');
  await setNumber(page, 'renewal_urgent_days', ACME.renewalDays - 1);
  await gone(page, 'renewal_urgent');
  // The Renewal card loses its "Urgent" badge with the alert.
  expect(await chart(page).getByRole('region', { name: 'Renewal', exact: true }).innerText()).not.toContain('Urgent');
  await setNumber(page, 'renewal_urgent_days', ACME.renewalDays);
  await shown(page, 'renewal_urgent');
  expect(await alert(page, 'renewal_urgent').innerText()).toContain(`Renewal in ${ACME.renewalDays} days`);
  expect(chartRequests).toHaveLength(1);
});

test('churn risk: an alert at or above the threshold (78 vs 79 for 78)', async () => {
  const { page, chartRequests } = demo;
  await setNumber(page, 'churn_risk_high_threshold', 79);
  await gone(page, 'churn_risk');
  await setNumber(page, 'churn_risk_high_threshold', 78);
  await shown(page, 'churn_risk');
  expect(chartRequests).toHaveLength(1);
});

test('show_alerts off hides the banner; on brings it back', async () => {
  const { page } = demo;
  const banner = chart(page).getByRole('list', { name: 'Alerts' });
  await banner.waitFor();
  await setCheckbox(page, 'show_alerts', false);
  await banner.waitFor({ state: 'detached' });
  await setCheckbox(page, 'show_alerts', true);
  await banner.waitFor();
});
