/**
 * The package serves this chart only ("Hidden means not sent", part 3). Superset's loader import()s every bundle that
 * /dynamic-plugins/api/read names, in the viewer's session, and the default CSP ('strict-dynamic') lets it run; so by
 * default the package's list names this chart alone, whatever Manage > Plugins holds, and the page-end script names
 * nothing else either (python/src/superset_customer_profile/blueprint.py and explore_hold.py).
 *
 * Set-up for the length of this file: a Manage > Plugins row as the issue found one (an internal http: bundle with a
 * token in its URL), added through Manage > Plugins' own form as an admin would, and removed afterwards. The harness's
 * superset_config.py sets neither CUSTOMER_PROFILE_EXTRA_PLUGINS nor CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS: the
 * package's defaults are what is tested. Every version (4.1.4 to 6.1.0): Manage > Plugins is Flask-AppBuilder's
 * ModelView in each, and the package's route is the one that answers in each (python/tests/test_host_route.py).
 */
import type { APIRequestContext, Browser } from 'playwright-core';
import { BASE_URL, Fixtures, readFixtures, VIZ_TYPE } from './support/api';
import { launchBrowser, openSession, Session, waitForPlugin } from './support/browser';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;
const FRAME = '.customer-profile-360';
const LIST = '/dynamic-plugins/api/read';
const HOLD = 'customerProfileHold';

/** The row of the issue: another chart's bundle on an internal http: server, a token in its URL. */
const ROW = {
  name: 'CP360 internal chart (plugin list test)',
  key: 'cp360_internal_chart',
  bundle_url: 'http://10.1.2.3:9000/internal-chart.js?token=cp360-row-secret',
};
/** What of the row must never reach a viewer. */
const ROW_TRACES = [ROW.key, '10.1.2.3', 'cp360-row-secret'];

interface Listed {
  result: { key: string; name: string; bundle_url: string }[];
  count: number;
}

/** Ids of the Manage > Plugins rows under ROW.key, read from the list page's table (one <tr> per row). */
async function rowIds(request: APIRequestContext): Promise<number[]> {
  const res = await request.get(`${BASE_URL}/dynamic-plugins/list/`);
  if (!res.ok()) throw new Error(`GET /dynamic-plugins/list/ -> ${res.status()}`);
  const html = await res.text();
  const ids = new Set<number>();
  for (const row of html.split(/<tr[\s>]/).slice(1)) {
    if (!new RegExp(`>\\s*${ROW.key}\\s*<`).test(row)) continue;
    const id = /\/dynamic-plugins\/(?:show|edit|delete)\/(\d+)/.exec(row);
    if (id) ids.add(Number(id[1]));
  }
  return [...ids];
}

/** The CSRF token of a Flask-AppBuilder form page, when the server checks one (the harness's default does not). */
async function csrfToken(request: APIRequestContext, url: string): Promise<Record<string, string>> {
  const html = await (await request.get(`${BASE_URL}${url}`)).text();
  const token =
    /name="csrf_token"[^>]*value="([^"]+)"/.exec(html) || /value="([^"]+)"[^>]*name="csrf_token"/.exec(html);
  return token ? { csrf_token: token[1] } : {};
}

async function addRow(request: APIRequestContext): Promise<void> {
  const form = { ...(await csrfToken(request, '/dynamic-plugins/add')), ...ROW };
  await request.post(`${BASE_URL}/dynamic-plugins/add`, { form, maxRedirects: 0 });
}

async function removeRows(request: APIRequestContext): Promise<void> {
  for (const id of await rowIds(request)) {
    const form = await csrfToken(request, '/dynamic-plugins/list/');
    await request.post(`${BASE_URL}/dynamic-plugins/delete/${id}`, { form, maxRedirects: 0 });
  }
}

/** The page-end script of an HTML page, or null when the page has none. */
function holdScript(html: string): string | null {
  const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map(m => m[1]).filter(s => s.includes(HOLD));
  if (scripts.length > 1) throw new Error(`the hold script is on the page ${scripts.length} times`);
  return scripts[0] ?? null;
}

e2e('the loader list serves this chart only', () => {
  let fx: Fixtures;
  let browser: Browser;
  let session: Session;
  let request: APIRequestContext;

  beforeAll(async () => {
    fx = readFixtures();
    browser = await launchBrowser();
    session = await openSession(browser);
    request = session.context.request;
    // A previous run that stopped before its clean-up left the row: start from one row either way.
    await removeRows(request);
    await addRow(request);
  });
  afterAll(async () => {
    if (request) await removeRows(request);
    await browser?.close();
  });

  test('Manage > Plugins holds the internal row (what the rest of this file is about)', async () => {
    expect(await rowIds(request)).toHaveLength(1);
  });

  test('by default the list answers an admin with this chart alone', async () => {
    const res = await request.get(`${BASE_URL}${LIST}`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as Listed;
    expect(Object.keys(body).sort()).toEqual(['count', 'result']);
    expect(body.count).toBe(1);
    expect(body.result.map(p => p.key)).toEqual([VIZ_TYPE]);
    expect(body.result[0].bundle_url).toMatch(/^\/customer-profile\/static\/customer-profile\.[0-9a-f]{16}\.js$/);
    expect(ROW_TRACES.filter(trace => text.includes(trace))).toEqual([]);
  });

  test('the dashboard and explore pages end with the hold for this chart alone', async () => {
    for (const url of [`/superset/dashboard/${fx.dashboardId}/`, `/explore/?slice_id=${fx.chartId}`]) {
      const res = await request.get(`${BASE_URL}${url}`);
      expect(res.status()).toBe(200);
      const html = await res.text();
      const script = holdScript(html);
      expect(script).not.toBeNull();
      expect(script).toContain(`var keys = ["${VIZ_TYPE}"];`);
      expect(ROW_TRACES.filter(trace => html.includes(trace))).toEqual([]);
    }
  });

  test('the login page, seen anonymously, has no page-end script and names no plugin', async () => {
    const anonymous = await browser.newContext();
    try {
      const res = await anonymous.request.get(`${BASE_URL}/login/`);
      expect(res.status()).toBe(200);
      const html = await res.text();
      expect(holdScript(html)).toBeNull();
      expect([VIZ_TYPE, 'customer-profile', ...ROW_TRACES].filter(trace => html.includes(trace))).toEqual([]);
    } finally {
      await anonymous.close();
    }
  });

  test("in the browser the dashboard loads this chart's bundle and never asks for the row's", async () => {
    const { page, errors } = session;
    const asked: string[] = [];
    const onRequest = (req: { url(): string }) => asked.push(req.url());
    page.on('request', onRequest);
    try {
      const list = page.waitForResponse(res => new URL(res.url()).pathname === LIST);
      await page.goto(`${BASE_URL}/superset/dashboard/${fx.dashboardId}/`);
      const listed = (await (await list).json()) as Listed;
      expect(listed.result.map(p => p.key)).toEqual([VIZ_TYPE]);
      await waitForPlugin(page);
      await page.locator(FRAME).first().waitFor();
      expect(asked.filter(url => ROW_TRACES.some(trace => url.includes(trace)))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });
});
