/**
 * The demo server's chart-data API against what Superset's /api/v1/chart/data returns (e2e/superset/LOADER.md §6):
 * the response shape and types, each filter operator, bound values and validated column names.
 */
import { ACME } from './support/acme';
import { demoUrl } from './support/demo';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resolveToday } = require('../../scripts/today') as { resolveToday: () => string };

interface QueryResult {
  data: Record<string, unknown>[];
  colnames: string[];
  coltypes: number[];
  rowcount: number;
  [key: string]: unknown;
}

async function post(body: unknown): Promise<{ status: number; json: { result?: QueryResult[]; message?: string } }> {
  const response = await fetch(demoUrl('/api/v1/chart/data'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function query(q: Record<string, unknown>): Promise<QueryResult> {
  const { status, json } = await post({ queries: [{ row_limit: 100, ...q }] });
  if (status !== 200 || !json.result) throw new Error(`${status}: ${json.message}`);
  return json.result[0];
}

const ids = async (filters: unknown[], row_limit = 100) =>
  (await query({ columns: ['customer_id'], filters, row_limit })).data.map(row => row.customer_id);

test('the result has Superset’s shape: data, colnames, coltypes, rowcount and the rest', async () => {
  const columns = ['customer_id', 'current_arr', 'health_score', 'customer_since', 'renewal_date', 'arr_history'];
  const result = await query({ columns, filters: [{ col: 'customer_id', op: '==', val: ACME.id }] });
  const keys = ['data', 'colnames', 'coltypes', 'rowcount', 'sql_rowcount', 'query', 'status', 'applied_filters'];
  expect(Object.keys(result)).toEqual(expect.arrayContaining([...keys, 'rejected_filters', 'label_map', 'is_cached']));
  expect(result.colnames).toEqual(columns);
  // GenericDataType: 0 numeric, 1 string, 2 temporal.
  expect(result.coltypes).toEqual([1, 0, 0, 2, 2, 1]);
  expect(result.rowcount).toBe(1);
  const [row] = result.data;
  expect(row.current_arr).toBe(ACME.arr);
  expect(row.health_score).toBe(ACME.health);
  expect(row.customer_since).toBe(Date.UTC(2020, 0, 15));
  const today = Date.parse(`${resolveToday()}T00:00:00Z`);
  expect(row.renewal_date).toBe(today + ACME.renewalDays * 86_400_000);
  // json columns: JSON text as Python writes it.
  expect(typeof row.arr_history).toBe('string');
  expect(row.arr_history as string).toMatch(/^\[\{"month": "\d{4}-\d\d-01", "arr": \d+\.\d+\}, /);
  const history = JSON.parse(row.arr_history as string) as { arr: number }[];
  expect(history[history.length - 1].arr).toBe(ACME.arr);
});

test.each([
  ['==', { col: 'customer_id', op: '==', val: 'ACME-001' }, ['ACME-001']],
  ['IN', { col: 'customer_id', op: 'IN', val: ['ACME-001', 'NIMB-055'] }, ['ACME-001', 'NIMB-055']],
  ['IS NULL', { col: 'csm_id', op: 'IS NULL' }, ['BLUE-022', 'NIMB-055']],
  ['LIKE', { col: 'customer_id', op: 'LIKE', val: 'AC%' }, ['ACME-001']],
  ['ILIKE', { col: 'customer_name', op: 'ILIKE', val: 'acme%' }, ['ACME-001']],
])('filter %s', async (_op, filter, expected) => {
  expect((await ids([filter])).sort()).toEqual(expected);
});

test('filters !=, NOT IN, IS NOT NULL, >, <, >=, <= agree with each other', async () => {
  const all = await ids([]);
  expect(all).toHaveLength(65);
  expect(await ids([{ col: 'customer_id', op: '!=', val: ACME.id }])).toHaveLength(64);
  expect(await ids([{ col: 'customer_id', op: 'NOT IN', val: [ACME.id, 'NIMB-055'] }])).toHaveLength(63);
  const withCsm = await ids([{ col: 'csm_id', op: 'IS NOT NULL' }]);
  expect(withCsm).toHaveLength(63);
  const below = await ids([{ col: 'health_score', op: '<', val: ACME.health }]);
  const atMost = await ids([{ col: 'health_score', op: '<=', val: ACME.health }]);
  const atLeast = await ids([{ col: 'health_score', op: '>=', val: ACME.health }]);
  const above = await ids([{ col: 'health_score', op: '>', val: ACME.health }]);
  expect(atMost).toContain(ACME.id);
  expect(atLeast).toContain(ACME.id);
  expect(below).not.toContain(ACME.id);
  expect(above).not.toContain(ACME.id);
  expect(atMost.length - below.length).toBe(atLeast.length - above.length);
  // Customers without a health score (Nimbus) match neither side.
  expect(below.length + atLeast.length).toBe(64);
});

test('values are bound, never spliced into the SQL', async () => {
  expect(await ids([{ col: 'customer_id', op: '==', val: "ACME-001' OR '1'='1" }])).toEqual([]);
  const filters = [{ col: 'customer_id', op: '==', val: "x'; DROP TABLE customers; --" }];
  const result = await query({ columns: ['customer_id'], filters });
  expect(result.query).not.toContain('DROP');
  expect(await ids([])).toHaveLength(65);
});

test('column names must be dataset columns', async () => {
  const bad = await post({ queries: [{ columns: ['customer_id', 'customer_id"; DROP TABLE customers; --'] }] });
  expect(bad.status).toBe(400);
  expect(bad.json.message).toMatch(/does not exist/);
  const badFilter = await post({
    queries: [{ columns: ['customer_id'], filters: [{ col: 'pg_sleep(1)', op: '==', val: 1 }] }],
  });
  expect(badFilter.status).toBe(400);
  const adhoc = await post({ queries: [{ columns: [{ label: 'x', sqlExpression: 'version()' }] }] });
  expect(adhoc.status).toBe(400);
});

test('row_limit, url_params, and the errors Superset gives', async () => {
  expect(await ids([], 3)).toHaveLength(3);
  const url = await query({ columns: ['customer_id'], url_params: { customer_id: 'KEYS-018' } });
  expect(url.data).toEqual([{ customer_id: 'KEYS-018' }]);
  // metrics: [] is an aggregate query in Superset, which PostgreSQL refuses for json columns.
  const grouped = await post({ queries: [{ columns: ['customer_id', 'contacts'], metrics: [] }] });
  expect(grouped.status).toBe(400);
  expect(grouped.json.message).toMatch(/equality operator for type json/);
  const regex = await post({
    queries: [{ columns: ['customer_id'], filters: [{ col: 'customer_id', op: 'REGEX', val: 'x' }] }],
  });
  expect(regex.status).toBe(400);
  expect((await post('not json')).status).toBe(400);
  expect((await post({ form_data: {} })).status).toBe(400);
});

test('the picker’s customer list and the datasource columns', async () => {
  const customers = (await (await fetch(demoUrl('/api/demo/customers'))).json()).result;
  expect(customers).toHaveLength(65);
  expect(customers).toContainEqual({ id: ACME.id, name: ACME.name, health: ACME.health });
  const columns = (await (await fetch(demoUrl('/api/demo/datasource'))).json()).result.columns;
  const names = columns.map((c: { column_name: string }) => c.column_name);
  expect(names).toEqual(expect.arrayContaining(['customer_id', 'current_arr', 'contacts']));
});
