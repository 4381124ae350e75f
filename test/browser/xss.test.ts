/**
 * Hostile input in a real browser. The chart-data response is replaced (page.route) by rows whose every string and
 * URL field, scalar and detail, holds an XSS payload; the page renders them through the real plugin. Nothing may
 * execute, and no href, src or event-handler attribute in the chart may carry script.
 */
import type { Browser, Page } from 'playwright-core';
import { DETAIL_COLUMNS, SCALAR_COLUMNS } from '../../src/model/columns';
import { chart, connectBrowser, Demo, openDemo, setCheckbox, visitAllTabs, withQuery } from './support/demo';

const MARK = '__cp360_xss';
const PAYLOADS = [
  `<script>window.${MARK}=1</script>`,
  `<img src=x onerror="window.${MARK}=1">`,
  `"><svg onload=window.${MARK}=1>`,
  `javascript:window.${MARK}=1`,
  `JaVaScRiPt:window.${MARK}=1`,
  ` \tjavascript:window.${MARK}=1`,
  `java\nscript:window.${MARK}=1`,
  `&#106;avascript:window.${MARK}=1`,
  `&#x6A;avascript&colon;window.${MARK}=1`,
  `data:text/html,<script>window.${MARK}=1</script>`,
  `vbscript:msgbox(1)`,
];

/** A full row of the contract with the payload in every text field and every string key of the detail columns. */
function hostileRow(payload: string): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  SCALAR_COLUMNS.forEach(({ column, kind }) => {
    row[column] = kind === 'text' ? payload : kind === 'list' ? `${payload}, ${payload}` : null;
  });
  row.customer_id = `X-${payload}`;
  row.current_arr = 1000;
  row.health_score = 40;
  row.renewal_date = Date.now() + 10 * 86_400_000;
  DETAIL_COLUMNS.forEach(({ column, fields }) => {
    const item = Object.fromEntries(
      fields.map(({ key, kind }) => [
        key,
        kind === 'text' ? payload : kind === 'date' ? '2026-01-01' : kind === 'boolean' ? true : 1,
      ]),
    );
    row[column] = JSON.stringify([{ ...item, [payload]: payload }]);
  });
  return row;
}

async function serveHostileRows(page: Page, payload: string) {
  await page.route('**/api/v1/chart/data', async route => {
    const request = route.request().postDataJSON() as { queries: { columns: string[] }[] };
    const columns = request.queries[0].columns;
    const full = hostileRow(payload);
    const data = [Object.fromEntries(columns.map(c => [c, full[c] ?? null]))];
    await route.fulfill({
      json: { result: [{ data, colnames: columns, coltypes: columns.map(() => 1), rowcount: 1 }] },
    });
  });
}

/** Every attribute in the chart that could run script. */
function unsafeAttributes(page: Page) {
  return chart(page).evaluate(root => {
    const found: string[] = [];
    root.querySelectorAll('*').forEach(element => {
      Array.from(element.attributes).forEach(({ name, value }) => {
        // Browsers ignore control characters and spaces inside a URL's scheme: so does the check.
        // eslint-disable-next-line no-control-regex
        const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`${element.tagName} ${name}`);
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) &&
          !/^(https?:|mailto:|tel:|#|\/)/.test(v)
        )
          found.push(`${element.tagName} ${name}=${value}`);
      });
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName)) found.push(element.tagName);
    });
    return found;
  });
}

let browser: Browser;
let demo: Demo;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterEach(async () => demo?.close());

test.each(PAYLOADS)('payload %j in every field executes nothing and yields no unsafe attribute', async payload => {
  demo = await openDemo(browser);
  const { page } = demo;
  const dialogs: string[] = [];
  page.on('dialog', dialog => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await serveHostileRows(page, payload);
  // Sensitive data on and a CRM template: every field and every link the plugin can draw is drawn.
  await withQuery(page, () => setCheckbox(page, 'show_sensitive_data', true));
  await page.getByTestId('control-crm_url_template').fill('https://crm.example.com/{customer_id}');
  await visitAllTabs(page);
  expect(await unsafeAttributes(page)).toEqual([]);
  expect(await page.evaluate(mark => (window as unknown as Record<string, unknown>)[mark], MARK)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // The payload is shown as text, not dropped: the header reads it verbatim.
  expect(await chart(page).locator('h2').first().innerText()).toBe(payload.trim().replace(/\s+/g, ' '));
});
