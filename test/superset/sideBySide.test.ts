/**
 * The comparison an analyst makes: one customer (ACME-001) shown (A) by this chart and (B) by the 360 an analyst
 * would otherwise build from Superset's built-in charts, each on a dashboard of its own, in headless Chromium.
 *
 * (B) is a Markdown header (name, segment, industry, CSM), four Big Numbers (ARR, health score, product count, days
 * to renewal) on our chart's dataset `cp360_e2e_by_customer`, and two Tables (the 10 most recent activities, the 12
 * most recent invoices) on virtual datasets over the demo tables `activities` and `invoices`. Every dataset filters
 * on the same `url_param('customer_id')`, which both dashboards get in their URL. The header is a Markdown component,
 * not a Handlebars chart: Handlebars compiles its template with `new Function`, which Superset 6.1's stock Talisman
 * CSP refuses ("'unsafe-eval' is not an allowed source of script"), so in a stock 6.1 it shows that error instead
 * of the header. The Markdown's text is typed in (it costs no query), which favours side (B).
 * Two dashboards rather than one with two tabs: Superset renders only the charts of the active tab, so a tabbed page
 * would either measure one side with the other's page work in it or need a click, and the request and byte counts
 * could not be told apart; a dashboard per side makes every load the whole cost of one side and nothing else.
 *
 * Everything is created over REST with fixed names and replaced on each run. Loads alternate A / B after one
 * unmeasured warm-up each (one browser context: a returning analyst's warm HTTP cache). Measured per load: the time
 * from navigation until every chart of the side has painted (support/paintMarks.ts), the requests to
 * /api/v1/chart/data and every other request, and the bytes of the responses. Asserted: only that every chart on
 * both sides shows ACME-001's values (the machine is shared, so no timing assertions). Results: console.log and
 * artifacts/superset/SIDE_BY_SIDE.md; `node scripts/sbs-readme.js` copies them into the README and docs/.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page, Request } from 'playwright-core';
import { BASE_URL, Fixtures, readFixtures, REPO_ROOT, SupersetApi } from './support/api';
import { diagnose, launchBrowser, openSession, Session } from './support/browser';
import { describeIf, FEATURES } from './support/host';
import { installPaintMarks, median, PaintMarks, waitForPaint, Watch } from './support/paintMarks';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resolveToday } = require('../../scripts/today') as { resolveToday: () => string };

const CUSTOMER = 'ACME-001';
/** The seed's Acme (demo/db/seed.js), as each side must show it. */
const ACME = {
  name: 'Acme Corporation',
  segment: 'Enterprise',
  industry: 'Technology',
  csm: 'John Smith',
  arr: '$250,000',
  health: '45',
  products: '3',
  renewalDays: '25',
};
const LOADS = Math.max(1, Number(process.env.SBS_LOADS || 5));
const RESULTS_FILE = path.join(REPO_ROOT, 'artifacts/superset/SIDE_BY_SIDE.md');
const PREFIX = 'E2E SBS';
const DASHBOARD_OURS = `${PREFIX}: Customer Profile 360`;
const DASHBOARD_BUILTIN = `${PREFIX}: built-in charts`;
const ACTIVITIES_DATASET = 'cp360_sbs_activities';
const INVOICES_DATASET = 'cp360_sbs_invoices';
const ACTIVITY_ROWS = 10;
const INVOICE_ROWS = 12;
const TODAY = resolveToday();
const urlFilter = (column: string) =>
  `{% if url_param('customer_id') %}\nWHERE ${column} = '{{ url_param('customer_id') }}'\n{% endif %}`;

const ACTIVITIES_SQL = [
  'SELECT a.customer_id, a.activity_date, a.type, a.subject, u.name AS owner, a.outcome',
  'FROM activities a LEFT JOIN users u ON u.user_id = a.owner_id',
  urlFilter('a.customer_id'),
].join('\n');
const INVOICES_SQL = [
  'SELECT customer_id, invoice_id, issued_date, due_date, paid_date, amount, status',
  'FROM invoices',
  urlFilter('customer_id'),
].join('\n');

interface BuiltIn {
  key: string;
  name: string;
  viz: 'big_number_total' | 'table';
  dataset: 'profile' | 'activities' | 'invoices';
  params: Record<string, unknown>;
  width: number;
  height: number;
}

const sqlMetric = (sqlExpression: string, label: string) => ({
  expressionType: 'SQL',
  sqlExpression,
  label,
  hasCustomLabel: true,
  optionName: `metric_${label.replace(/\W+/g, '_').toLowerCase()}`,
});
const bigNumber = (key: string, name: string, sql: string, format: string): BuiltIn => ({
  key,
  name: `${PREFIX} ${name}`,
  viz: 'big_number_total',
  dataset: 'profile',
  params: {
    metric: sqlMetric(sql, name),
    subheader: name,
    header_font_size: 0.4,
    subheader_font_size: 0.15,
    y_axis_format: format,
    time_format: 'smart_date',
  },
  width: 3,
  height: 30,
});
const rawTable = (
  key: string,
  name: string,
  dataset: BuiltIn['dataset'],
  columns: string[],
  order: string,
  rows: number,
) =>
  ({
    key,
    name: `${PREFIX} ${name}`,
    viz: 'table',
    dataset,
    params: {
      query_mode: 'raw',
      all_columns: columns,
      order_by_cols: [JSON.stringify([order, false])],
      row_limit: rows,
      server_pagination: false,
      include_search: false,
      table_timestamp_format: '%Y-%m-%d',
    },
    width: 6,
    height: 60,
  }) satisfies BuiltIn;

/** The header of side (B): a dashboard Markdown component, typed in by the analyst for this customer. */
const HEADER_MARKDOWN = `## ${ACME.name}\n\n${ACME.segment} · ${ACME.industry} · CSM: ${ACME.csm}`;

/** The analyst's 360 from built-in charts. Days to renewal count from the data's reference day, as ours does. */
const BUILT_INS: BuiltIn[] = [
  bigNumber('arr', 'ARR', 'MAX(current_arr)', '$,.0f'),
  bigNumber('health', 'Health score', 'MAX(health_score)', ',d'),
  bigNumber('products', 'Products', 'MAX(product_count)', ',d'),
  bigNumber('renewal', 'Days to renewal', `MAX(renewal_date - DATE '${TODAY}')`, ',d'),
  rawTable(
    'activities',
    'Recent activities',
    'activities',
    ['customer_id', 'activity_date', 'type', 'subject', 'owner', 'outcome'],
    'activity_date',
    ACTIVITY_ROWS,
  ),
  rawTable(
    'invoices',
    'Invoices',
    'invoices',
    ['customer_id', 'invoice_id', 'issued_date', 'due_date', 'paid_date', 'amount', 'status'],
    'issued_date',
    INVOICE_ROWS,
  ),
];

interface Ids {
  oursDashboardId: number;
  builtInDashboardId: number;
  chartIds: Record<string, number>;
}

async function upsertDataset(api: SupersetApi, databaseId: number, name: string, sql: string): Promise<number> {
  const [existing] = await api.findIds('dataset', 'table_name', name);
  let id = existing;
  if (id === undefined) {
    id = (
      (await api.post('/api/v1/dataset/', { database: databaseId, schema: 'public', table_name: name, sql })) as {
        id: number;
      }
    ).id;
  } else {
    await api.put(`/api/v1/dataset/${id}`, { sql });
  }
  await api.put(`/api/v1/dataset/${id}/refresh`, {});
  return id;
}

const JSON_METADATA = JSON.stringify({
  native_filter_configuration: [],
  chart_configuration: {},
  color_scheme: '',
  refresh_frequency: 0,
  expanded_slices: {},
  label_colors: {},
  timed_refresh_immune_slices: [],
  cross_filters_enabled: false,
  default_filters: '{}',
});

/** A dashboard layout: one row per group of cells. */
type Cell = { width: number; height: number } & ({ chartId: number; name: string } | { markdown: string });

function layout(rows: Cell[][]): string {
  const position: Record<string, unknown> = {
    DASHBOARD_VERSION_KEY: 'v2',
    ROOT_ID: { type: 'ROOT', id: 'ROOT_ID', children: ['GRID_ID'] },
    GRID_ID: { type: 'GRID', id: 'GRID_ID', children: rows.map((_, i) => `ROW-sbs-${i}`), parents: ['ROOT_ID'] },
  };
  rows.forEach((cells, i) => {
    const rowId = `ROW-sbs-${i}`;
    const cellId = (c: Cell, j: number) => ('chartId' in c ? `CHART-sbs-${c.chartId}` : `MARKDOWN-sbs-${i}-${j}`);
    position[rowId] = {
      type: 'ROW',
      id: rowId,
      children: cells.map(cellId),
      parents: ['ROOT_ID', 'GRID_ID'],
      meta: { background: 'BACKGROUND_TRANSPARENT' },
    };
    cells.forEach((c, j) => {
      const common = { id: cellId(c, j), children: [], parents: ['ROOT_ID', 'GRID_ID', rowId] };
      position[common.id] =
        'chartId' in c
          ? {
              ...common,
              type: 'CHART',
              meta: { chartId: c.chartId, width: c.width, height: c.height, sliceName: c.name },
            }
          : { ...common, type: 'MARKDOWN', meta: { code: c.markdown, width: c.width, height: c.height } };
    });
  });
  return JSON.stringify(position);
}

/** (Re)creates both dashboards, the built-in charts and their datasets; idempotent by their fixed names. */
async function provision(fx: Fixtures): Promise<Ids> {
  const api = await new SupersetApi().login();
  for (const title of [DASHBOARD_OURS, DASHBOARD_BUILTIN]) {
    for (const id of await api.findIds('dashboard', 'dashboard_title', title))
      await api.delete(`/api/v1/dashboard/${id}`);
  }
  for (const chart of BUILT_INS) {
    for (const id of await api.findIds('chart', 'slice_name', chart.name)) await api.delete(`/api/v1/chart/${id}`);
  }
  const datasets = {
    profile: fx.jinjaDatasetId,
    activities: await upsertDataset(api, fx.databaseId, ACTIVITIES_DATASET, ACTIVITIES_SQL),
    invoices: await upsertDataset(api, fx.databaseId, INVOICES_DATASET, INVOICES_SQL),
  };

  const create = async (title: string, slug: string) =>
    ((await api.post('/api/v1/dashboard/', { dashboard_title: title, slug, published: true })) as { id: number }).id;
  const oursDashboardId = await create(DASHBOARD_OURS, 'e2e-sbs-ours');
  const builtInDashboardId = await create(DASHBOARD_BUILTIN, 'e2e-sbs-built-in');

  const chartIds: Record<string, number> = { ours: fx.chartId };
  for (const chart of BUILT_INS) {
    const datasetId = datasets[chart.dataset];
    const params = { viz_type: chart.viz, datasource: `${datasetId}__table`, adhoc_filters: [], ...chart.params };
    chartIds[chart.key] = (
      (await api.post('/api/v1/chart/', {
        slice_name: chart.name,
        viz_type: chart.viz,
        datasource_id: datasetId,
        datasource_type: 'table',
        params: JSON.stringify(params),
        dashboards: [builtInDashboardId],
      })) as { id: number }
    ).id;
  }
  // Our chart keeps its own dashboard(s) and joins this one.
  const ours = (await api.get(`/api/v1/chart/${fx.chartId}`)) as { result: { dashboards: { id: number }[] } };
  const dashboards = Array.from(new Set([...ours.result.dashboards.map(d => d.id), oursDashboardId]));
  await api.put(`/api/v1/chart/${fx.chartId}`, { dashboards });

  const cell = (chart: BuiltIn) => ({
    chartId: chartIds[chart.key],
    name: chart.name,
    width: chart.width,
    height: chart.height,
  });
  const byKey = (...keys: string[]) => keys.map(k => cell(BUILT_INS.find(c => c.key === k) as BuiltIn));
  await api.put(`/api/v1/dashboard/${oursDashboardId}`, {
    position_json: layout([[{ chartId: fx.chartId, name: 'E2E Customer Profile 360', width: 12, height: 110 }]]),
    json_metadata: JSON_METADATA,
  });
  await api.put(`/api/v1/dashboard/${builtInDashboardId}`, {
    position_json: layout([
      [{ markdown: HEADER_MARKDOWN, width: 12, height: 20 }],
      byKey('arr', 'health', 'products', 'renewal'),
      byKey('activities', 'invoices'),
    ]),
    json_metadata: JSON_METADATA,
  });
  return { oursDashboardId, builtInDashboardId, chartIds };
}

/** What each chart must show to count as painted (and as showing Acme). */
function watches(ids: Ids): Watch[] {
  const chart = (key: string) => `[data-test-chart-id="${ids.chartIds[key]}"]`;
  return [
    {
      key: 'ours',
      within: '.customer-profile-360',
      content: 'h1,h2,h3,h4,[role="heading"]',
      texts: [ACME.name],
      frameTexts: [ACME.arr],
    },
    { key: 'header', within: '.dashboard-markdown', content: 'h2', texts: [ACME.name] },
    { key: 'arr', within: chart('arr'), content: '.header-line', texts: [ACME.arr] },
    { key: 'health', within: chart('health'), content: '.header-line', texts: [ACME.health] },
    { key: 'products', within: chart('products'), content: '.header-line', texts: [ACME.products] },
    { key: 'renewal', within: chart('renewal'), content: '.header-line', texts: [ACME.renewalDays] },
    { key: 'activities', within: chart('activities'), content: 'tbody td', texts: [CUSTOMER] },
    { key: 'invoices', within: chart('invoices'), content: 'tbody td', texts: [CUSTOMER] },
  ];
}

type Kind = 'chartData' | 'otherApi' | 'page' | 'static';

/** static: the page's scripts, styles, fonts and images (Superset's and the plugin's bundle); page: the HTML. */
function kindOf(url: string, isDocument: boolean): Kind {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/api/v1/chart/data')) return 'chartData';
  if (pathname.startsWith('/api/') || pathname.startsWith('/dynamic-plugins/api/')) return 'otherApi';
  if (isDocument) return 'page';
  return 'static';
}

/** A finished request as Chromium's network layer saw it (CDP), with the bytes that crossed the wire. */
interface Wire {
  url: string;
  isDocument: boolean;
  bytes: number;
}

interface Traffic {
  requests: Record<Kind, number>;
  /** Sum of response body lengths as the page got them (decoded), from the network or the HTTP cache. */
  bodyBytes: Record<Kind, number>;
  /** Bytes received over the network (CDP encodedDataLength: headers and encoded body; 0 for an HTTP cache hit). */
  wireBytes: Record<Kind, number>;
  /** slice_id of each chart-data request's form_data. */
  chartDataSlices: number[];
  /** Chart-data answers Superset took from its own results cache (`is_cached`). */
  cachedResults: number;
}

const zero = (): Record<Kind, number> => ({ chartData: 0, otherApi: 0, page: 0, static: 0 });

async function traffic(requests: Request[], wire: Wire[]): Promise<Traffic> {
  const t: Traffic = { requests: zero(), bodyBytes: zero(), wireBytes: zero(), chartDataSlices: [], cachedResults: 0 };
  for (const request of requests) {
    const kind = kindOf(request.url(), request.resourceType() === 'document');
    const response = await request.response();
    if (!response) continue;
    t.requests[kind] += 1;
    const body = await response.body().catch(() => Buffer.alloc(0));
    t.bodyBytes[kind] += body.length;
    if (kind === 'chartData') {
      const slice = (request.postDataJSON() as { form_data?: { slice_id?: number } } | null)?.form_data?.slice_id;
      if (typeof slice === 'number') t.chartDataSlices.push(slice);
      try {
        const answer = JSON.parse(body.toString('utf8')) as { result?: { is_cached?: boolean }[] };
        t.cachedResults += (answer.result || []).filter(r => r.is_cached).length;
      } catch {
        // not JSON: an error page, which the paint wait has already reported
      }
    }
  }
  for (const w of wire) t.wireBytes[kindOf(w.url, w.isDocument)] += w.bytes;
  return t;
}

/** What the page shows of Acme, read after a load: our chart's text, each Big Number, the Tables' rows. */
interface Seen {
  ours?: string;
  header?: string;
  numbers: Record<string, string>;
  tables: Record<string, string[]>;
}

function readSeen(page: Page, ids: Ids): Promise<Seen> {
  return page.evaluate(chartIds => {
    const box = (key: string) => document.querySelector(`[data-test-chart-id="${chartIds[key]}"]`);
    const text = (el: Element | null | undefined) => (el?.textContent || '').replace(/\s+/g, ' ').trim();
    const numbers: Record<string, string> = {};
    for (const key of ['arr', 'health', 'products', 'renewal'])
      numbers[key] = text(box(key)?.querySelector('.header-line'));
    const tables: Record<string, string[]> = {};
    for (const key of ['activities', 'invoices']) {
      tables[key] = Array.from(box(key)?.querySelectorAll('tbody tr') || []).map(tr => text(tr.querySelector('td')));
    }
    return {
      ours: text(document.querySelector('.customer-profile-360')) || undefined,
      header: text(document.querySelector('.dashboard-markdown')) || undefined,
      numbers,
      tables,
    };
  }, ids.chartIds);
}

interface Sample {
  /** ms from navigation start until every chart of the side has painted. */
  allPainted: number;
  marks: PaintMarks;
  traffic: Traffic;
  seen: Seen;
}

/** One fresh page in the (warm) context: navigates, waits for every chart of the side, then counts the traffic. */
async function load(session: Session, ids: Ids, url: string, keys: string[], name: string): Promise<Sample> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(45000);
  const requests: Request[] = [];
  page.on('requestfinished', request => requests.push(request));
  // Playwright's request.sizes() has no figure for a cache hit; Chromium's own network events have the bytes.
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Network.enable');
  const sent = new Map<string, { url: string; isDocument: boolean }>();
  const wire: Wire[] = [];
  cdp.on('Network.requestWillBeSent', e =>
    sent.set(e.requestId, { url: e.request.url, isDocument: e.type === 'Document' }),
  );
  cdp.on('Network.loadingFinished', e => {
    const r = sent.get(e.requestId);
    if (r && r.url.startsWith('http')) wire.push({ ...r, bytes: e.encodedDataLength });
  });
  const s: Session = { ...session, page };
  try {
    return await diagnose(s, name, async () => {
      await page.goto(url, { waitUntil: 'commit' });
      const marks = await waitForPaint(page, keys);
      // The page's own late requests (logging, thumbnails) finish before they are counted, but are not timed.
      await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => undefined);
      const allPainted = Math.max(...keys.map(k => marks[k].painted as number));
      return { allPainted, marks, traffic: await traffic(requests, wire), seen: await readSeen(page, ids) };
    });
  } finally {
    await page.close();
  }
}

function supersetVersion(): string {
  const python = path.join(process.env.SUPERSET_VENV || '/tmp/superset-venv', 'bin/python');
  try {
    return execFileSync(python, ['-c', "import importlib.metadata as m; print(m.version('apache-superset'))"], {
      encoding: 'utf8',
      timeout: 20000,
    }).trim();
  } catch {
    return `${process.env.SUPERSET_VERSION || '6.1.0'} (configured)`;
  }
}

const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`;
const kb = (v: number) => `${(v / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
const count = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00' : '∞') : (a / b).toFixed(2));
/** "median (min–max)" of the samples, formatted; the value alone when every sample formats the same. */
function spread(values: number[], format: (v: number) => string): string {
  const [min, max] = [format(Math.min(...values)), format(Math.max(...values))];
  return min === max ? min : `${format(median(values))} (${min}–${max})`;
}

describeIf(FEATURES.sideBySide, 'side by side: this chart vs the same 360 from built-in charts', () => {
  let browser: Browser;
  let fx: Fixtures;
  let ids: Ids;
  let session: Session;
  const samples: Record<'ours' | 'builtIn', Sample[]> = { ours: [], builtIn: [] };
  /** One first visit per side: a new browser context, so an empty HTTP cache (contexts share none). */
  const cold: Partial<Record<'ours' | 'builtIn', Sample>> = {};
  const loadAverageBefore = os.loadavg();
  const builtInCharts = BUILT_INS.map(c => c.key);
  /** Everything side (B) must paint: the Markdown header and the six charts. */
  const builtInKeys = ['header', ...builtInCharts];

  beforeAll(async () => {
    fx = readFixtures();
    ids = await provision(fx);
    browser = await launchBrowser();
    session = await openSession(browser, 'default');
    await installPaintMarks(session.context, watches(ids));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('both dashboards show ACME-001 in every chart; loads alternate after a warm-up each', async () => {
    const oursUrl = `${BASE_URL}/superset/dashboard/${ids.oursDashboardId}/?customer_id=${CUSTOMER}`;
    const builtInUrl = `${BASE_URL}/superset/dashboard/${ids.builtInDashboardId}/?customer_id=${CUSTOMER}`;
    // Warm-up (static assets into the HTTP cache, the plugin bundle, Superset's first-request work), not counted.
    await load(session, ids, oursUrl, ['ours'], 'sbs-ours-warmup');
    await load(session, ids, builtInUrl, builtInKeys, 'sbs-built-in-warmup');
    for (let i = 0; i < LOADS; i += 1) {
      samples.ours.push(await load(session, ids, oursUrl, ['ours'], 'sbs-ours'));
      samples.builtIn.push(await load(session, ids, builtInUrl, builtInKeys, 'sbs-built-in'));
    }
    const visits = [
      ['ours', oursUrl, ['ours']],
      ['builtIn', builtInUrl, builtInKeys],
    ] as const;
    for (const [side, url, keys] of visits) {
      const fresh = await openSession(browser, 'default');
      await installPaintMarks(fresh.context, watches(ids));
      try {
        cold[side] = await load(fresh, ids, url, [...keys], `sbs-${side}-first-visit`);
        expect(fresh.errors).toEqual([]);
      } finally {
        await fresh.context.close();
      }
    }

    const builtInIds = new Set(builtInCharts.map(k => ids.chartIds[k]));
    for (const s of [...samples.ours, cold.ours as Sample]) {
      expect(s.seen.ours).toContain(ACME.name);
      expect(s.seen.ours).toContain(ACME.arr);
      expect(new Set(s.traffic.chartDataSlices)).toEqual(new Set([fx.chartId]));
    }
    for (const s of [...samples.builtIn, cold.builtIn as Sample]) {
      for (const part of [ACME.name, ACME.segment, ACME.industry, ACME.csm]) expect(s.seen.header).toContain(part);
      expect(s.seen.numbers).toEqual({
        arr: ACME.arr,
        health: ACME.health,
        products: ACME.products,
        renewal: ACME.renewalDays,
      });
      expect(s.seen.tables.activities).toEqual(Array(ACTIVITY_ROWS).fill(CUSTOMER));
      expect(s.seen.tables.invoices).toEqual(Array(INVOICE_ROWS).fill(CUSTOMER));
      // Every chart asked for its own data, and only the side's charts did.
      expect(new Set(s.traffic.chartDataSlices)).toEqual(builtInIds);
    }
    expect(session.errors).toEqual([]);
  });

  test('writes the medians and ratios to artifacts/superset/SIDE_BY_SIDE.md', () => {
    expect(samples.ours).toHaveLength(LOADS);
    expect(samples.builtIn).toHaveLength(LOADS);
    expect(cold.ours && cold.builtIn).toBeTruthy();
    const of = (side: 'ours' | 'builtIn', pick: (s: Sample) => number) => samples[side].map(pick);
    const sum = (r: Record<Kind, number>, kinds: Kind[]) => kinds.reduce((acc, k) => acc + r[k], 0);
    const ALL: Kind[] = ['chartData', 'otherApi', 'page', 'static'];
    const NOT_STATIC: Kind[] = ['chartData', 'otherApi', 'page'];
    const measures: [string, (s: Sample) => number, (v: number) => string][] = [
      ['time from navigation until every chart painted', s => s.allPainted, ms],
      ['`/api/v1/chart/data` requests', s => s.traffic.requests.chartData, count],
      [
        'other API requests (dashboard, charts, datasets, plugin loader, logging)',
        s => s.traffic.requests.otherApi,
        count,
      ],
      ['all requests, static assets included', s => sum(s.traffic.requests, ALL), count],
      ['chart-data response bodies', s => s.traffic.bodyBytes.chartData, kb],
      ['response bodies without static assets (page, API, chart data)', s => sum(s.traffic.bodyBytes, NOT_STATIC), kb],
      ['response bodies with static assets (most from the browser cache)', s => sum(s.traffic.bodyBytes, ALL), kb],
      ['over the network without static assets', s => sum(s.traffic.wireBytes, NOT_STATIC), kb],
      ['over the network with static assets', s => sum(s.traffic.wireBytes, ALL), kb],
    ];
    const firstVisit: [string, (s: Sample) => number, (v: number) => string][] = [
      ['first visit (empty browser cache, one load): time until every chart painted', s => s.allPainted, ms],
      ['first visit: over the network with static assets', s => sum(s.traffic.wireBytes, ALL), kb],
      ['first visit: over the network without static assets', s => sum(s.traffic.wireBytes, NOT_STATIC), kb],
    ];
    const rows = [
      ...measures.map(([name, pick, format]) => {
        const a = of('ours', pick);
        const b = of('builtIn', pick);
        return `| ${name} | ${spread(a, format)} | ${spread(b, format)} | ${ratio(median(a), median(b))} |`;
      }),
      ...firstVisit.map(([name, pick, format]) => {
        const a = pick(cold.ours as Sample);
        const b = pick(cold.builtIn as Sample);
        return `| ${name} | ${format(a)} | ${format(b)} | ${ratio(a, b)} |`;
      }),
    ];
    const headerPainted = of('builtIn', s => s.marks.header.painted as number);
    const perChart = BUILT_INS.map(c => {
      const id = ids.chartIds[c.key];
      const painted = of('builtIn', s => s.marks[c.key].painted as number);
      const requests = of('builtIn', s => s.traffic.chartDataSlices.filter(x => x === id).length);
      return `| ${c.name.replace(`${PREFIX} `, '')} (\`${c.viz}\`) | ${spread(painted, ms)} | ${spread(requests, count)} |`;
    });
    const oursPainted = of('ours', s => s.marks.ours.painted as number);
    const oursRequests = of('ours', s => s.traffic.chartDataSlices.length);
    const cpus = os.cpus();
    const stamp = new Date()
      .toISOString()
      .replace(/:\d\d\.\d+Z$/, ' UTC')
      .replace('T', ' ');
    const facts = [
      `Superset ${supersetVersion()} (pip) at ${BASE_URL}, gunicorn 1 worker × 8 threads, SQLite metadata, PostgreSQL ` +
        `demo data (CP360_TODAY ${TODAY}); the plugin loaded as a dynamic plugin; headless Chromium ${browser.version()}, ` +
        'viewport 1400×900',
      `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; load ` +
        `average ${loadAverageBefore.map(l => l.toFixed(2)).join(' / ')} at the start, ` +
        `${os
          .loadavg()
          .map(l => l.toFixed(2))
          .join(' / ')} at the end (1 / 5 / 15 min): a shared machine, so the times are pessimistic`,
      `${LOADS} measured loads per side after one unmeasured warm-up each, alternating A / B in one browser context ` +
        '(warm HTTP cache, as for an analyst coming back to the page)',
    ];
    const summary = [
      `**In a real Superset 6.1**: the same customer (${CUSTOMER}) on two dashboards, (A) this one chart and (B) the`,
      '360 an analyst builds from built-in charts (a Markdown header, four Big Numbers: ARR, health score, product',
      `count, days to renewal; a Table of the ${ACTIVITY_ROWS} latest activities and one of the ${INVOICE_ROWS} latest invoices).`,
      `Medians of ${LOADS} loads each, alternating, with (min–max); measured ${stamp} by`,
      '`test/superset/sideBySide.test.ts` on a shared 2-core machine. Details: [docs/SIDE_BY_SIDE.md](docs/SIDE_BY_SIDE.md).',
      '',
      '| per page load | (A) Customer Profile 360 | (B) 6 built-in charts + Markdown | A / B |',
      '| --- | --- | --- | --- |',
      ...rows,
    ];
    const lines = [
      '# Side by side: Customer Profile 360 vs the same 360 from built-in charts',
      '',
      `Written by \`test/superset/sideBySide.test.ts\` on ${stamp}; \`node scripts/sbs-readme.js\` copies the summary into`,
      'the README (between `<!-- sbs:start -->` and `<!-- sbs:end -->`) and this file to `docs/SIDE_BY_SIDE.md`.',
      '',
      '<!-- sbs:summary:start -->',
      ...summary,
      '<!-- sbs:summary:end -->',
      '',
      '## The two sides',
      '',
      `- (A) dashboard \`${DASHBOARD_OURS}\`: the chart \`E2E Customer Profile 360\` (viz_type \`customer_profile\`, default`,
      "  controls) on `cp360_e2e_by_customer` (demo/db/dataset.sql with `WHERE customer_id = '{{ url_param('customer_id') }}'`).",
      `- (B) dashboard \`${DASHBOARD_BUILTIN}\`: ${BUILT_INS.map(c => `\`${c.viz}\` ${c.name.replace(`${PREFIX} `, '')}`).join(', ')},`,
      '  and a Markdown header typed in for Acme (name, segment, industry, CSM): a Handlebars chart would read them from',
      "  the data, but Superset 6.1's stock CSP refuses its `new Function` (\"'unsafe-eval' is not an allowed source of",
      '  script") and it shows that error instead; the Markdown costs no query, which favours (B).',
      '  Big Numbers on the same `cp360_e2e_by_customer` as ours (metrics `MAX(current_arr)`, `MAX(health_score)`,',
      `  \`MAX(product_count)\`, \`MAX(renewal_date - DATE '${TODAY}')\`); the Tables on \`${ACTIVITIES_DATASET}\` and`,
      `  \`${INVOICES_DATASET}\`, virtual datasets over \`activities\` (with the owner's name from \`users\`) and \`invoices\``,
      '  with the same url_param filter, raw records, newest first.',
      '- Both opened as `/superset/dashboard/<id>/?customer_id=ACME-001`.',
      "- Why two dashboards and not one with two tabs: Superset renders only the active tab's charts, so a tabbed page",
      '  cannot give each side its own load, its own requests and its own bytes.',
      '',
      'What is counted:',
      '',
      '- Time: `performance.now()` in the page (ms since the navigation start) in the first task after the frame in which',
      '  the last chart of the side showed its value (support/paintMarks.ts): ours = a heading "Acme Corporation" and',
      `  "${ACME.arr}" in \`.customer-profile-360\`; a Big Number = its value in \`.header-line\`; a Table = a body cell`,
      `  "${CUSTOMER}"; the Markdown header = "Acme Corporation" in its \`h2\`.`,
      '- Requests: every request the page made that finished, up to network idle after the last paint (so late logging',
      '  calls are in). `/api/v1/chart/data` separately; "other API" is `/api/…` and the dynamic-plugin loader.',
      '- Bytes, KB = 1024 B. "Response bodies" = `response.body()` lengths (decoded, whether from the network or the',
      '  browser cache). "Over the network" = Chromium\'s `Network.loadingFinished` `encodedDataLength` (CDP): headers',
      '  and compressed bodies as received, 0 for a cache hit. Static assets = scripts, styles, fonts and images',
      "  (Superset's and the plugin's bundle); without them = the page's HTML, `/api/…`, the plugin loader, chart data.",
      "- Warm rows: the same browser context for every load (Superset's static assets are cached after the warm-ups, as",
      '  for an analyst who comes back). First-visit rows: one load per side in a new context (empty cache).',
      "- Chart-data answers from Superset's results cache (`is_cached`): " +
        (['ours', 'builtIn'] as const)
          .map(side => `${side === 'ours' ? '(A)' : '(B)'} ${of(side, x => x.traffic.cachedResults).join(', ')}`)
          .join('; ') +
        ' per load.',
      '',
      '## Per chart, side (B)',
      '',
      '| chart | painted at, median (min–max) | chart-data requests per load |',
      '| --- | --- | --- |',
      `| Header (Markdown component, no query) | ${spread(headerPainted, ms)} | 0 |`,
      ...perChart,
      `| (A) Customer Profile 360 (\`customer_profile\`) | ${spread(oursPainted, ms)} | ${spread(oursRequests, count)} |`,
      '',
      '## Samples',
      '',
      ...(['ours', 'builtIn'] as const).flatMap(side => [
        `- ${side === 'ours' ? '(A)' : '(B)'} all painted (ms): ${of(side, s => s.allPainted)
          .map(v => Math.round(v))
          .join(', ')}`,
        `- ${side === 'ours' ? '(A)' : '(B)'} requests chart-data / other API / page / static: ${samples[side]
          .map(s => ALL.map(k => s.traffic.requests[k]).join('/'))
          .join(', ')}`,
        `- ${side === 'ours' ? '(A)' : '(B)'} response bodies without / with static: ${samples[side]
          .map(s => `${kb(sum(s.traffic.bodyBytes, NOT_STATIC))} / ${kb(sum(s.traffic.bodyBytes, ALL))}`)
          .join(', ')}`,
        `- ${side === 'ours' ? '(A)' : '(B)'} over the network without / with static: ${samples[side]
          .map(s => `${kb(sum(s.traffic.wireBytes, NOT_STATIC))} / ${kb(sum(s.traffic.wireBytes, ALL))}`)
          .join(', ')}`,
      ]),
      '',
      '## Machine',
      '',
      ...facts.map(f => `- ${f}`),
      '',
    ];
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, lines.join('\n'));
    // eslint-disable-next-line no-console
    console.log([...summary.map(l => `[side-by-side] ${l}`), `[side-by-side] written to ${RESULTS_FILE}`].join('\n'));
  });
});
