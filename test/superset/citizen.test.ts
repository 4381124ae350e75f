/**
 * A citizen of the dashboard, in a real Superset (support/citizenSetup.ts makes the dashboards):
 *  - cross-filters in: a click on a customer in Superset's own Table chart shows that customer's profile; a second
 *    click clears it and the switcher comes back;
 *  - cross-filters out: choosing a customer in the switcher filters the Table and the other profile by the column
 *    mapped to customer_id; choosing it again clears; with cross-filtering off nothing is emitted;
 *  - Superset's context menu on a right-click (and Shift+F10): drill to detail by the customer, add cross-filter;
 *  - two instances on one dashboard: no shared element id or open state, each emits and receives its own filter;
 *  - one customer's id and name carry quotes, a comma and markup, end to end.
 * What is asserted is what a viewer sees (the profile's heading, the Table's rows, the menu and the drill modal) and
 * what Superset sends (the chart-data and samples requests).
 */
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { BASE_URL, Fixtures, readFixtures } from './support/api';
import { diagnose, launchBrowser, openSession, screenshot, Session, waitForPlugin } from './support/browser';
import { HOSTILE, PROFILE_A, PROFILE_B, TABLE_NAME } from './support/citizenSetup';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;

const INITECH = { id: 'INIT-003', name: 'Initech Software' };
const NORTHWIND = { id: 'NORT-004', name: 'Northwind Traders' };

const holder = (page: Page, name: string) =>
  page.locator('.dashboard-component-chart-holder').filter({ hasText: name });
const profile = (page: Page, name: string) => holder(page, name).locator('.customer-profile-360');
const heading = (page: Page, name: string) => profile(page, name).getByRole('heading', { level: 2 });
const switcher = (page: Page, name: string) => profile(page, name).getByRole('combobox');
/** A customer's cell in the Table (exact text: the Table renders values as text, allow_render_html is off). */
const tableCell = (page: Page, text: string) => holder(page, TABLE_NAME).locator('td').getByText(text, { exact: true });
/** The Table's body rows (its header row has no td). */
/**
 * Superset's context menu: an antd dropdown menu in a portal (6.1 wraps it in data-test="chart-context-menu", which
 * production builds before 6.1 strip), found as the visible menu that offers drill to detail.
 */
const contextMenu = (page: Page) => page.locator('[role="menu"]:visible').filter({ hasText: 'Drill to detail' });

/**
 * Superset's context menu once it is in place and still. antd renders the popup far outside the window first
 * (rc-trigger parks it at -1000vw/-1000vh), moves it beside its anchor a frame later, then animates it in. A click
 * aimed at it before then makes Playwright scroll the page towards the parked menu; the menu then realigns to its
 * anchor (a fixed point in the window) over other content, moves under the pointer, and the press and the release
 * land on different elements: no click at all (CI on a loaded machine: the menu stayed open, the filter unchanged).
 */
async function settledMenu(page: Page): Promise<Locator> {
  const menu = contextMenu(page);
  await menu.waitFor();
  const handle = await menu.elementHandle();
  await page.waitForFunction(
    el => {
      const box = el.getBoundingClientRect();
      const placed = box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth;
      const chain: Element[] = [];
      for (let node: Element | null = el; node; node = node.parentElement) chain.push(node);
      const still = chain.every(node => node.getAnimations().every(animation => animation.playState !== 'running'));
      const key = `${box.left},${box.top},${box.width},${box.height}`;
      const same = el.getAttribute('data-e2e-box') === key; // unchanged since the previous frame
      el.setAttribute('data-e2e-box', key);
      return placed && still && same;
    },
    handle,
    { polling: 'raf' },
  );
  return menu;
}
const tableRows = (page: Page) => holder(page, TABLE_NAME).locator('tbody tr:has(td)');

interface ChartDataCall {
  sliceId?: number;
  filters: { col: unknown; op: string; val: unknown }[];
}

/** Every chart-data request of the page, with the chart it is for and the filters of its first query. */
function recordChartData(page: Page): ChartDataCall[] {
  const calls: ChartDataCall[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().includes('/api/v1/chart/data')) return;
    try {
      const body = JSON.parse(request.postData() ?? '{}');
      calls.push({ sliceId: body.form_data?.slice_id, filters: body.queries?.[0]?.filters ?? [] });
    } catch {
      // not JSON: not a chart-data call of a chart
    }
  });
  return calls;
}

const filteredBy = (call: ChartDataCall, id: string) =>
  call.filters.some(f => f.col === 'customer_id' && f.op === 'IN' && JSON.stringify(f.val) === JSON.stringify([id]));

/** Reads until the check holds (the dashboard re-queries and re-renders on its own time), then returns the value. */
async function until<T>(read: () => Promise<T> | T, check: (value: T) => boolean, what: string, timeout = 20000) {
  const end = Date.now() + timeout;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise(resolve => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const waitFor = (predicate: () => boolean, what: string) => until(predicate, ok => ok, what);

/** Waits for the Table's chart-data request filtered by the customer: the emitted filter, as Superset sent it. */
const tableAskedFor = (calls: ChartDataCall[], tableChartId: number, id: string) =>
  waitFor(
    () => calls.some(call => call.sliceId === tableChartId && filteredBy(call, id)),
    `the Table filtered by ${id}`,
  );

async function openDashboard(page: Page, id: number) {
  await page.goto(`${BASE_URL}/superset/dashboard/${id}/`);
  await waitForPlugin(page);
  await heading(page, PROFILE_A).waitFor();
  await tableRows(page).first().waitFor();
}

/**
 * Opens a profile's switcher: its selector (antd lays the chosen value's text over the input), scrolled to the middle
 * of the window first, since Playwright scrolls an element to the top edge, under the dashboard's sticky header.
 */
async function openSwitcher(page: Page, chart: string) {
  const selector = profile(page, chart).locator('.cp360-select-selector');
  await selector.evaluate(el => el.scrollIntoView({ block: 'center' }));
  await selector.click();
}

/** Chooses a customer in a profile's switcher by typing part of its name. */
async function choose(page: Page, chart: string, customer: { id: string; name: string }) {
  await openSwitcher(page, chart);
  await switcher(page, chart).fill(customer.name.slice(0, 6));
  // This switcher's own list: the dropdown holding the listbox its input controls (ids are unique per chart).
  const listId = await switcher(page, chart).getAttribute('aria-controls');
  const dropdown = page.locator('.cp360-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
  await dropdown
    .locator('.cp360-select-item-option', { hasText: `(${customer.id})` })
    .first()
    .click();
}

async function expectHeading(page: Page, chart: string, text: string) {
  const shown = await until(
    () => heading(page, chart).innerText(),
    value => value === text,
    `${chart} showing ${text}`,
  );
  expect(shown).toBe(text);
}

/** The Table's customer ids as shown. */
const tableIds = (page: Page) =>
  tableRows(page).evaluateAll(rows => rows.map(row => (row.querySelector('td')?.textContent ?? '').trim()));

/** The Table's ids once it shows a single row: a cross-filter has reached it. */
const tableFiltered = (page: Page, what: string) =>
  until(
    () => tableIds(page),
    ids => ids.length === 1,
    what,
  );

e2e('a citizen of the dashboard', () => {
  let browser: Browser;
  let fx: Fixtures['citizen'];
  let session: Session;
  let calls: ChartDataCall[];

  beforeAll(async () => {
    fx = readFixtures().citizen;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await openSession(browser);
    calls = recordChartData(session.page);
  });
  afterEach(async () => {
    await session?.context.close();
  });

  const step = <T>(name: string, body: () => Promise<T>) => diagnose(session, `citizen-${name}`, body);

  test('cross-filters in: a click on a customer in the Table shows its profile; a second click returns to the list', () =>
    step('in', async () => {
      const { page } = session;
      await openDashboard(page, fx.dashboardId);
      const first = await heading(page, PROFILE_A).innerText();
      expect(await switcher(page, PROFILE_A).count()).toBe(1);
      const ids = await tableIds(page);
      expect(ids.length).toBeGreaterThan(10);

      const cell = tableCell(page, NORTHWIND.id);
      await cell.click();
      await expectHeading(page, PROFILE_A, NORTHWIND.name);
      await expectHeading(page, PROFILE_B, NORTHWIND.name);
      expect(await switcher(page, PROFILE_A).count()).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0)); // the Table and profile A in the picture
      await screenshot(page, 'citizen-cross-filter-in');

      await cell.click();
      await expectHeading(page, PROFILE_A, first);
      await switcher(page, PROFILE_A).waitFor();
      expect(session.errors).toEqual([]);
    }));

  test('a hostile customer id (quotes, a comma, markup) is filtered as one plain value, both ways', () =>
    step('hostile', async () => {
      const { page } = session;
      await openDashboard(page, fx.dashboardId);
      await tableCell(page, HOSTILE.id).click();
      await expectHeading(page, PROFILE_A, HOSTILE.name);
      expect(await profile(page, PROFILE_A).locator('b').count()).toBe(0);
      await tableCell(page, HOSTILE.id).click();
      await switcher(page, PROFILE_A).waitFor();

      await choose(page, PROFILE_A, { id: HOSTILE.id, name: 'Globex' });
      await tableAskedFor(calls, fx.tableChartId, HOSTILE.id);
      expect(await tableFiltered(page, 'the Table filtered')).toEqual([HOSTILE.id]);
      await expectHeading(page, PROFILE_B, HOSTILE.name);
    }));

  test('cross-filters out: choosing a customer filters the Table and the other profile; choosing it again clears', () =>
    step('out', async () => {
      const { page } = session;
      await openDashboard(page, fx.dashboardId);
      await choose(page, PROFILE_A, INITECH);
      await expectHeading(page, PROFILE_A, INITECH.name);
      await tableAskedFor(calls, fx.tableChartId, INITECH.id);
      expect(await tableFiltered(page, 'the Table filtered')).toEqual([INITECH.id]);
      // Profile B is on the same dataset: it receives the filter and shows the one customer, without a switcher.
      await expectHeading(page, PROFILE_B, INITECH.name);
      expect(await switcher(page, PROFILE_B).count()).toBe(0);
      // The chart that emitted keeps its own list (its filter is not applied to itself), and its name says it is on.
      await until(
        () => switcher(page, PROFILE_A).count(),
        n => n === 1,
        'the switcher of the emitting chart',
      );
      const name = heading(page, PROFILE_A).getByRole('button', { name: INITECH.name });
      expect(await name.getAttribute('aria-pressed')).toBe('true');
      await page.evaluate(() => window.scrollTo(0, 0)); // the Table and profile A in the picture
      await screenshot(page, 'citizen-cross-filter-out');

      await choose(page, PROFILE_A, INITECH);
      await until(
        () => tableIds(page),
        ids => ids.length > 10,
        'the Table unfiltered',
      );
      await switcher(page, PROFILE_B).waitFor();
      expect(await name.getAttribute('aria-pressed')).toBe('false');
      expect(session.errors).toEqual([]);
    }));

  test('cross-filtering off: the switcher works in the chart and nothing else changes', () =>
    step('off', async () => {
      const { page } = session;
      await openDashboard(page, fx.offDashboardId);
      const before = (await tableIds(page)).length;
      const requestsBefore = calls.length;
      await choose(page, PROFILE_A, INITECH);
      await expectHeading(page, PROFILE_A, INITECH.name);
      expect(await heading(page, PROFILE_A).getByRole('button').count()).toBe(0);
      // Nothing to wait for when nothing is emitted: give the dashboard a second to react, then check it did not.
      await page.waitForTimeout(1500);
      expect(calls.slice(requestsBefore)).toEqual([]);
      expect((await tableIds(page)).length).toBe(before);
    }));

  test("a right-click opens Superset's menu: drill to detail shows this customer's rows only", () =>
    step('menu', async () => {
      const { page } = session;
      await openDashboard(page, fx.dashboardId);
      await tableCell(page, NORTHWIND.id).click();
      await expectHeading(page, PROFILE_B, NORTHWIND.name);

      await heading(page, PROFILE_B).click({ button: 'right' });
      const menu = await settledMenu(page);
      expect(
        await until(
          () => menu.innerText(),
          text => text.includes('Add cross-filter'),
          'the menu',
        ),
      ).toContain('Drill to detail');
      // antd opens a submenu on a mouse movement over its title (one jump onto it is not enough).
      const submenu = menu.locator('li').filter({ hasText: /^Drill to detail by$/ });
      await submenu.hover({ position: { x: 4, y: 4 } });
      await submenu.hover({ position: { x: 20, y: 10 } });
      const item = page.getByText(`Drill to detail by ${NORTHWIND.name}`);
      await item.waitFor();
      await screenshot(page, 'citizen-context-menu');
      const samples = page.waitForResponse(r => r.url().includes('/datasource/samples'));
      await item.click();
      const body = (await (await samples).json()) as { result: { data: Record<string, unknown>[] } };
      expect(body.result.data.length).toBeGreaterThan(0);
      expect(new Set(body.result.data.map(row => row.customer_id))).toEqual(new Set([NORTHWIND.id]));
      const dialog = page.getByRole('dialog');
      await dialog.getByText(NORTHWIND.id, { exact: true }).first().waitFor();
      expect(await dialog.getByText(INITECH.id, { exact: true }).count()).toBe(0);
      await screenshot(page, 'citizen-drill-to-detail');
      expect(session.errors).toEqual([]);
    }));

  test("the menu's cross-filter entry filters the dashboard; Shift+F10 opens the menu from the keyboard", () =>
    step('menu-keyboard', async () => {
      const { page } = session;
      await openDashboard(page, fx.dashboardId);
      const first = await heading(page, PROFILE_A).innerText();
      await profile(page, PROFILE_A).getByRole('region').first().click({ button: 'right' });
      const opened = await settledMenu(page);
      // Profile A keeps the default: with sensitive data hidden, drill to detail stays off unless its author chose it.
      const drill = opened.getByRole('menuitem').filter({ hasText: /^Drill to detail$/ });
      expect(await drill.getAttribute('aria-disabled')).toBe('true');
      await opened.getByText('Add cross-filter').click();
      await tableFiltered(page, 'the Table filtered');
      await expectHeading(page, PROFILE_B, first);

      // The page scrolled a little, as a reader's is: opening the menu from the keyboard does not move it, and the menu
      // opens at the focused tab.
      await page.evaluate(() => window.scrollTo(0, 200));
      const tab = profile(page, PROFILE_A).getByRole('tab').first();
      await tab.focus();
      const scrolled = await page.evaluate(() => window.scrollY);
      await page.keyboard.press('Shift+F10');
      const menu = await settledMenu(page);
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
      const [tabBox, menuBox] = [await tab.boundingBox(), await menu.boundingBox()];
      expect(Math.abs((menuBox?.x ?? 0) - (tabBox?.x ?? 0))).toBeLessThan(16);
      expect(Math.abs((menuBox?.y ?? 0) - ((tabBox?.y ?? 0) + (tabBox?.height ?? 0)))).toBeLessThan(16);
      await until(
        () => menu.innerText(),
        text => text.includes('Remove cross-filter'),
        'the menu with Remove cross-filter',
      );
      // Focus moved into the menu: a keyboard user is in Superset's menu (moving within it is antd's own handling).
      await until(
        () => page.evaluate(() => !!document.activeElement?.closest('[role="menu"]')),
        inMenu => inMenu,
        'the focus in the menu',
      );
      await menu.getByText('Remove cross-filter').click();
      await until(
        () => tableIds(page),
        ids => ids.length > 10,
        'the Table unfiltered',
      );
    }));

  test('two instances: no shared element id or open state; each emits its own filter and receives the other’s', () =>
    step('two', async () => {
      const { page } = session;
      await openDashboard(page, fx.dashboardId);
      await heading(page, PROFILE_B).waitFor();
      const ids = await page.$$eval('.customer-profile-360 [id]', els => els.map(el => el.id));
      expect(ids.length).toBeGreaterThan(2);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);

      await openSwitcher(page, PROFILE_A);
      expect(await switcher(page, PROFILE_A).getAttribute('aria-expanded')).toBe('true');
      expect(await switcher(page, PROFILE_B).getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Escape');
      await profile(page, PROFILE_B).getByRole('tab', { name: 'Contacts' }).click();
      expect(await profile(page, PROFILE_A).getByRole('tab', { selected: true }).innerText()).toBe('Overview');

      await choose(page, PROFILE_B, NORTHWIND);
      await expectHeading(page, PROFILE_A, NORTHWIND.name);
      await until(
        () => switcher(page, PROFILE_B).count(),
        n => n === 1,
        'the switcher of the emitting chart',
      );
      expect(await tableFiltered(page, 'the Table filtered by B')).toEqual([NORTHWIND.id]);
      await screenshot(page, 'citizen-two-instances');
      // B clears its filter; then A emits one of its own, which B and the Table receive.
      await choose(page, PROFILE_B, NORTHWIND);
      await switcher(page, PROFILE_A).waitFor();
      await choose(page, PROFILE_A, INITECH);
      await expectHeading(page, PROFILE_B, INITECH.name);
      expect(await tableFiltered(page, 'the Table filtered by A')).toEqual([INITECH.id]);
    }));
});
