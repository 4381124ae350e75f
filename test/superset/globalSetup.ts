/**
 * Runs once before the real-server suite: waits for Superset, then (re)creates, through the REST API, what the
 * tests use. Every object has a fixed name and is replaced on each run, so the suite is repeatable.
 *  - dataset `cp360_e2e_by_customer`: demo/db/dataset.sql wrapped with a Jinja filter on url_param('customer_id')
 *    (ENABLE_TEMPLATE_PROCESSING is on); without the URL parameter it returns every customer.
 *  - dataset `cp360_e2e_mapped`: the same columns with customer_name renamed to account_name.
 *  - chart `E2E Customer Profile 360` (viz_type customer_profile) on the first, with the default controls.
 *  - dashboard `E2E Customer Profile 360` holding it, with a native select filter on customer_id (default ACME-001).
 *  - the dashboards of the citizen test (cross-filters, context menu, two charts): support/citizenSetup.ts.
 */
import fs from 'fs';
import path from 'path';
import { DEFAULT_FORM_DATA } from '../../src/plugin/formData';
import {
  datasetSql,
  FIXTURES_FILE,
  Fixtures,
  OBSERVATIONS_FILE,
  REPO_ROOT,
  SupersetApi,
  VIZ_TYPE,
  waitForHealth,
} from './support/api';
import { citizenFixtures } from './support/citizenSetup';

const DB_NAME = process.env.DEMO_DB_NAME || 'Customer 360 demo';
const BASE_DATASET = process.env.DEMO_DATASET_NAME || 'customer_profile_360';
export const JINJA_DATASET = 'cp360_e2e_by_customer';
export const MAPPED_DATASET = 'cp360_e2e_mapped';
export const CHART_NAME = 'E2E Customer Profile 360';
export const DASHBOARD_TITLE = 'E2E Customer Profile 360';
const DASHBOARD_SLUG = 'e2e-customer-profile-360';
const NATIVE_FILTER_ID = 'NATIVE_FILTER-e2e-customer';
const MARIADB_DB_NAME = process.env.MARIADB_DB_NAME || 'Customer 360 demo (MariaDB)';
export const MARIADB_DATASET = 'cp360_e2e_mariadb_by_customer';
export const MARIADB_CHART_NAME = 'E2E Customer Profile 360 (MariaDB)';

async function single(api: SupersetApi, resource: string, column: string, value: string): Promise<number> {
  const ids = await api.findIds(resource, column, value);
  if (ids.length !== 1) throw new Error(`expected one ${resource} with ${column}=${value}, found ${ids.length}`);
  return ids[0];
}

async function upsertDataset(
  api: SupersetApi,
  databaseId: number,
  name: string,
  sql: string,
  schema = 'public',
): Promise<number> {
  const [existing] = await api.findIds('dataset', 'table_name', name);
  let id = existing;
  if (id === undefined) {
    const created = (await api.post('/api/v1/dataset/', {
      database: databaseId,
      schema,
      table_name: name,
      sql,
    })) as { id: number };
    id = created.id;
  } else {
    await api.put(`/api/v1/dataset/${id}`, { sql });
  }
  await api.put(`/api/v1/dataset/${id}/refresh`, {});
  return id;
}

/** A dataset's SQL filtered by the URL parameter customer_id with Jinja; without it, every customer. */
function byCustomerParam(inner: string): string {
  return [
    'SELECT * FROM (',
    inner,
    ') AS customer_profile',
    "{% if url_param('customer_id') %}",
    "WHERE customer_id = '{{ url_param('customer_id') }}'",
    '{% endif %}',
  ].join('\n');
}

/**
 * The second engine (e2e/superset/setup.sh registers MariaDB when E2E_MARIADB=1): the MySQL dialect of the dataset
 * (demo/db/dataset.mysql.sql) with the same url_param filter, and a chart on it with the default controls.
 */
async function mariadbFixtures(api: SupersetApi): Promise<Fixtures['mariadb']> {
  const [databaseId] = await api.findIds('database', 'database_name', MARIADB_DB_NAME);
  if (databaseId === undefined) return undefined;
  for (const id of await api.findIds('chart', 'slice_name', MARIADB_CHART_NAME))
    await api.delete(`/api/v1/chart/${id}`);
  const inner = fs.readFileSync(path.join(REPO_ROOT, 'demo/db/dataset.mysql.sql'), 'utf8').trim().replace(/;\s*$/, '');
  const sql = byCustomerParam(inner);
  const datasetId = await upsertDataset(api, databaseId, MARIADB_DATASET, sql, 'cp360');
  const chart = (await api.post('/api/v1/chart/', {
    slice_name: MARIADB_CHART_NAME,
    viz_type: VIZ_TYPE,
    datasource_id: datasetId,
    datasource_type: 'table',
    params: JSON.stringify({
      ...DEFAULT_FORM_DATA,
      viz_type: VIZ_TYPE,
      datasource: `${datasetId}__table`,
      adhoc_filters: [],
    }),
  })) as { id: number };
  return { databaseId, datasetId, chartId: chart.id };
}

export default async function globalSetup(): Promise<void> {
  await waitForHealth();
  const api = await new SupersetApi().login();
  fs.rmSync(OBSERVATIONS_FILE, { force: true });

  const databaseId = await single(api, 'database', 'database_name', DB_NAME);
  const baseDatasetId = await single(api, 'dataset', 'table_name', BASE_DATASET);
  const base = (await api.get(`/api/v1/dataset/${baseDatasetId}`)) as {
    result: { columns: { column_name: string }[] };
  };
  const columns = base.result.columns.map(c => c.column_name);
  if (!columns.includes('customer_name')) throw new Error(`${BASE_DATASET} has no customer_name column`);

  // Old charts and dashboards first: a dataset with charts cannot be replaced.
  for (const id of await api.findIds('chart', 'slice_name', CHART_NAME)) await api.delete(`/api/v1/chart/${id}`);
  for (const id of await api.findIds('dashboard', 'dashboard_title', DASHBOARD_TITLE)) {
    await api.delete(`/api/v1/dashboard/${id}`);
  }

  const inner = datasetSql();
  const jinjaSql = byCustomerParam(inner);
  const mappedSql = [
    'SELECT',
    columns.map(c => (c === 'customer_name' ? '  "customer_name" AS "account_name"' : `  "${c}"`)).join(',\n'),
    'FROM (',
    inner,
    ') AS customer_profile',
  ].join('\n');
  const jinjaDatasetId = await upsertDataset(api, databaseId, JINJA_DATASET, jinjaSql);
  const mappedDatasetId = await upsertDataset(api, databaseId, MAPPED_DATASET, mappedSql);

  const dashboard = (await api.post('/api/v1/dashboard/', {
    dashboard_title: DASHBOARD_TITLE,
    slug: DASHBOARD_SLUG,
    published: true,
  })) as { id: number };

  const formData = {
    ...DEFAULT_FORM_DATA,
    viz_type: VIZ_TYPE,
    datasource: `${jinjaDatasetId}__table`,
    adhoc_filters: [],
  };
  const chart = (await api.post('/api/v1/chart/', {
    slice_name: CHART_NAME,
    viz_type: VIZ_TYPE,
    datasource_id: jinjaDatasetId,
    datasource_type: 'table',
    params: JSON.stringify(formData),
    dashboards: [dashboard.id],
  })) as { id: number };

  const position = {
    DASHBOARD_VERSION_KEY: 'v2',
    ROOT_ID: { type: 'ROOT', id: 'ROOT_ID', children: ['GRID_ID'] },
    GRID_ID: { type: 'GRID', id: 'GRID_ID', children: ['ROW-e2e'], parents: ['ROOT_ID'] },
    'ROW-e2e': {
      type: 'ROW',
      id: 'ROW-e2e',
      children: ['CHART-e2e'],
      parents: ['ROOT_ID', 'GRID_ID'],
      meta: { background: 'BACKGROUND_TRANSPARENT' },
    },
    'CHART-e2e': {
      type: 'CHART',
      id: 'CHART-e2e',
      children: [],
      parents: ['ROOT_ID', 'GRID_ID', 'ROW-e2e'],
      meta: { chartId: chart.id, width: 12, height: 95, sliceName: CHART_NAME },
    },
  };
  const acme = { extraFormData: { filters: [{ col: 'customer_id', op: 'IN', val: ['ACME-001'] }] } };
  const jsonMetadata = {
    native_filter_configuration: [
      {
        id: NATIVE_FILTER_ID,
        name: 'Customer',
        filterType: 'filter_select',
        type: 'NATIVE_FILTER',
        description: '',
        targets: [{ datasetId: jinjaDatasetId, column: { name: 'customer_id' } }],
        controlValues: {
          enableEmptyFilter: false,
          defaultToFirstItem: false,
          multiSelect: false,
          searchAllOptions: false,
          inverseSelection: false,
        },
        defaultDataMask: { ...acme, filterState: { value: ['ACME-001'] }, ownState: {} },
        cascadeParentIds: [],
        scope: { rootPath: ['ROOT_ID'], excluded: [] },
        chartsInScope: [chart.id],
        tabsInScope: [],
      },
    ],
    chart_configuration: {},
    global_chart_configuration: { scope: { rootPath: ['ROOT_ID'], excluded: [] }, chartsInScope: [chart.id] },
    color_scheme: '',
    refresh_frequency: 0,
    expanded_slices: {},
    label_colors: {},
    timed_refresh_immune_slices: [],
    cross_filters_enabled: false,
    default_filters: '{}',
  };
  await api.put(`/api/v1/dashboard/${dashboard.id}`, {
    position_json: JSON.stringify(position),
    json_metadata: JSON.stringify(jsonMetadata),
  });

  const mariadb = await mariadbFixtures(api);
  const citizen = await citizenFixtures(api, (name, sql) => upsertDataset(api, databaseId, name, sql), inner, columns);

  const fixtures: Fixtures = {
    mariadb,
    citizen,
    databaseId,
    baseDatasetId,
    jinjaDatasetId,
    mappedDatasetId,
    chartId: chart.id,
    dashboardId: dashboard.id,
    nativeFilterId: NATIVE_FILTER_ID,
    createdAt: new Date().toISOString(),
  };
  fs.mkdirSync(path.dirname(FIXTURES_FILE), { recursive: true });
  fs.writeFileSync(FIXTURES_FILE, `${JSON.stringify(fixtures, null, 2)}\n`);
}
