/**
 * A second engine behind the same Superset: MariaDB (through PyMySQL) holding the same demo data, with the MySQL
 * dialect of the dataset (demo/db/dataset.mysql.sql). Superset's result path differs per driver (PyMySQL returns
 * Decimal, datetime.date and the detail arrays as text), so this proves, in the real server, that
 *  - the chart-data API answers the plugin's query on MariaDB with the detail columns as JSON text, decimals as
 *    numbers and dates as epoch milliseconds, and the rows give the same model as PostgreSQL's, customer by customer;
 *  - in the browser the MariaDB chart shows Acme exactly as the PostgreSQL chart does, tab by tab.
 * Runs where the setup registered MariaDB (E2E_MARIADB=1, the default for 6.1.0); elsewhere it skips, saying why.
 */
import type { Browser, Page } from 'playwright-core';
import buildQuery from '../../src/plugin/buildQuery';
import type { CustomerProfileProps } from '../../src/plugin/transformProps';
import { CustomerProfileFormData, DEFAULT_FORM_DATA } from '../../src/plugin/formData';
import { BASE_URL, Fixtures, readFixtures, SupersetApi, VIZ_TYPE } from './support/api';
import { QueryResult, toProps } from './support/chartProps';
import { diagnose, firstLoad, launchBrowser, openSession, Session } from './support/browser';
import { describeIf, SUPERSET_VERSION } from './support/host';

const e2e = process.env.SUPERSET_E2E === '1';
const FRAME = '.customer-profile-360';
const fx: Fixtures | undefined = e2e ? readFixtures() : undefined;
const MARIADB = {
  has: !!fx?.mariadb,
  why: `no MariaDB behind Superset ${SUPERSET_VERSION} in this run (e2e/superset/setup.sh registers it with E2E_MARIADB=1, the default for 6.1.0)`,
};

function formDataFor(datasetId: number): CustomerProfileFormData {
  return {
    ...DEFAULT_FORM_DATA,
    viz_type: VIZ_TYPE,
    datasource: `${datasetId}__table`,
    adhoc_filters: [],
    row_limit: 100,
  } as CustomerProfileFormData;
}

async function rows(
  api: SupersetApi,
  datasetId: number,
): Promise<{ formData: CustomerProfileFormData; result: QueryResult }> {
  const formData = formDataFor(datasetId);
  const body = (await api.post('/api/v1/chart/data', buildQuery(formData))) as { result: QueryResult[] };
  return { formData, result: body.result[0] };
}

/** The chart's text on every tab, in the order the tabs are shown. */
async function textsOfEveryTab(page: Page): Promise<Record<string, string>> {
  const frame = page.locator(FRAME);
  const names = (await frame.getByRole('tab').allInnerTexts()).map(t => t.trim()).filter(Boolean);
  const texts: Record<string, string> = {};
  for (const name of names) {
    await frame.getByRole('tab', { name, exact: true }).click();
    // The active panel, once its lazy content is in (the chart's antd prefix: cp360-).
    await page.waitForFunction(sel => {
      const pane = document.querySelector(`${sel} .cp360-tabs-tabpane-active`);
      return !!pane && pane.childElementCount > 0 && !pane.querySelector('.cp360-spin');
    }, FRAME);
    await page.waitForTimeout(300);
    const panel = frame.locator('.cp360-tabs-tabpane-active').first();
    texts[name] = (await panel.innerText()).replace(/\s+/g, ' ').trim();
  }
  return texts;
}

describeIf(MARIADB, `a second engine behind Superset ${SUPERSET_VERSION}: MariaDB`, () => {
  let api: SupersetApi;
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    api = await new SupersetApi().login();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the chart-data API on MariaDB: detail columns as JSON text, decimals as numbers, dates as epoch ms', async () => {
    const { result } = await rows(api, fx!.mariadb!.datasetId);
    const acme = result.data.find(r => r.customer_id === 'ACME-001');
    expect(acme).toBeDefined();
    if (!acme) return;
    for (const detail of [
      'activities',
      'invoices',
      'payments',
      'contacts',
      'documents',
      'arr_history',
      'product_usage',
    ]) {
      expect(typeof acme[detail]).toBe('string');
      expect(Array.isArray(JSON.parse(acme[detail] as string))).toBe(true);
    }
    expect(acme.current_arr).toBe(250000);
    expect(acme.health_score).toBe(45);
    expect(typeof acme.renewal_date).toBe('number');
    expect(acme.customer_since).toBe(Date.UTC(2020, 0, 15));
  });

  test('every demo customer gives the same model on MariaDB as on PostgreSQL', async () => {
    const pg = await rows(api, fx!.baseDatasetId);
    const maria = await rows(api, fx!.mariadb!.datasetId);
    expect(maria.result.data).toHaveLength(pg.result.data.length);
    const byId = (props: CustomerProfileProps) => {
      expect(props.model.status).toBe('ok');
      const list = props.model.status === 'ok' ? props.model.customers.map(c => c.profile) : [];
      return Object.fromEntries(list.map(p => [p.id, p]));
    };
    const fromPg = byId(toProps(pg.formData, pg.result));
    const fromMaria = byId(toProps(maria.formData, maria.result));
    expect(Object.keys(fromMaria).sort()).toEqual(Object.keys(fromPg).sort());
    for (const id of Object.keys(fromPg)) expect([id, fromMaria[id]]).toEqual([id, fromPg[id]]);
  });

  test('in the browser the MariaDB chart shows Acme exactly as the PostgreSQL chart, on every tab', async () => {
    browser = await launchBrowser();
    session = await openSession(browser);
    const { page } = session;
    const texts: Record<string, Record<string, string>> = {};
    for (const [engine, chartId] of [
      ['postgresql', fx!.chartId],
      ['mariadb', fx!.mariadb!.chartId],
    ] as const) {
      await diagnose(session, `engines-${engine}`, async () => {
        await page.goto(`${BASE_URL}/explore/?slice_id=${chartId}&customer_id=ACME-001`);
        expect(await firstLoad(page, FRAME)).toBe('chart');
        await page.locator(FRAME).getByRole('heading', { name: 'Acme Corporation' }).waitFor();
      });
      texts[engine] = await textsOfEveryTab(page);
    }
    expect(Object.keys(texts.postgresql).length).toBeGreaterThanOrEqual(7);
    expect(texts.postgresql.Overview).toContain('$250,000');
    expect(texts.mariadb).toEqual(texts.postgresql);
  });
});
