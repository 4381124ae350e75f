/**
 * The dashboards of test/superset/citizen.test.ts, made by globalSetup through the REST API (replaced on each run):
 *  - dataset `cp360_e2e_citizen`: the demo data, with one customer's id and name made hostile (quotes, a comma,
 *    markup), so every filter that customer takes part in carries such a value end to end.
 *  - dashboard "a dashboard citizen" (cross-filtering on): Superset's own Table chart listing the customers
 *    (id, name, one count; a click cross-filters), and two instances of this chart, A and B, on the same dataset.
 *  - dashboard "cross-filtering off": the same Table and chart A, with cross_filters_enabled false.
 */
import type { SupersetApi } from './api';
import { VIZ_TYPE } from './api';
import { DEFAULT_FORM_DATA, DRILL_METRIC } from '../../../src/plugin/formData';

export const CITIZEN_DATASET = 'cp360_e2e_citizen';
export const CITIZEN_TITLE = 'CP360 e2e: a dashboard citizen';
export const CITIZEN_OFF_TITLE = 'CP360 e2e: cross-filtering off';
export const TABLE_NAME = 'CP360 e2e citizen: customers';
export const PROFILE_A = 'CP360 e2e citizen: profile A';
export const PROFILE_B = 'CP360 e2e citizen: profile B';

/** The customer whose id and name the citizen dataset replaces, and what it replaces them with. */
export const HOSTILE = {
  originalId: 'GLOB-002',
  id: `GLOB'002, "x" <b>y</b>`,
  name: `Globex <b>Industries</b> "Q", Ltd`,
};

export interface CitizenFixtures {
  datasetId: number;
  dashboardId: number;
  offDashboardId: number;
  tableChartId: number;
  profileIds: [number, number];
}

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

function citizenSql(inner: string, columns: string[]): string {
  const replaced = (column: string) =>
    column === 'customer_id'
      ? `  CASE WHEN "customer_id" = ${sqlText(HOSTILE.originalId)} THEN ${sqlText(HOSTILE.id)} ELSE "customer_id" END AS "customer_id"`
      : column === 'customer_name'
        ? `  CASE WHEN "customer_id" = ${sqlText(HOSTILE.originalId)} THEN ${sqlText(HOSTILE.name)} ELSE "customer_name" END AS "customer_name"`
        : `  "${column}"`;
  return ['SELECT', columns.map(replaced).join(',\n'), 'FROM (', inner, ') AS customer_profile'].join('\n');
}

const chartCell = (key: string, chartId: number, width: number, parents: string[], sliceName: string) => ({
  type: 'CHART',
  id: key,
  children: [],
  parents,
  meta: { chartId, width, height: 90, sliceName },
});

/** A grid of rows of charts: [[key, chartId, width, name], ...] per row. */
function layout(rows: [string, number, number, string][][]) {
  const position: Record<string, unknown> = {
    DASHBOARD_VERSION_KEY: 'v2',
    ROOT_ID: { type: 'ROOT', id: 'ROOT_ID', children: ['GRID_ID'] },
    GRID_ID: { type: 'GRID', id: 'GRID_ID', children: rows.map((_, i) => `ROW-${i}`), parents: ['ROOT_ID'] },
  };
  rows.forEach((cells, i) => {
    position[`ROW-${i}`] = {
      type: 'ROW',
      id: `ROW-${i}`,
      children: cells.map(([key]) => key),
      parents: ['ROOT_ID', 'GRID_ID'],
      meta: { background: 'BACKGROUND_TRANSPARENT' },
    };
    cells.forEach(([key, chartId, width, name]) => {
      position[key] = chartCell(key, chartId, width, ['ROOT_ID', 'GRID_ID', `ROW-${i}`], name);
    });
  });
  return position;
}

function metadata(chartIds: number[], crossFilters: boolean) {
  // Each chart's cross-filter reaches every other chart of the dashboard (Superset's "global" scope).
  const chartConfiguration = Object.fromEntries(
    chartIds.map(id => [
      String(id),
      { id, crossFilters: { scope: 'global', chartsInScope: chartIds.filter(other => other !== id) } },
    ]),
  );
  return {
    native_filter_configuration: [],
    chart_configuration: chartConfiguration,
    global_chart_configuration: { scope: { rootPath: ['ROOT_ID'], excluded: [] }, chartsInScope: chartIds },
    cross_filters_enabled: crossFilters,
    color_scheme: '',
    refresh_frequency: 0,
    expanded_slices: {},
    label_colors: {},
    timed_refresh_immune_slices: [],
    default_filters: '{}',
  };
}

export async function citizenFixtures(
  api: SupersetApi,
  upsertDataset: (name: string, sql: string) => Promise<number>,
  inner: string,
  columns: string[],
): Promise<CitizenFixtures> {
  for (const name of [TABLE_NAME, PROFILE_A, PROFILE_B])
    for (const id of await api.findIds('chart', 'slice_name', name)) await api.delete(`/api/v1/chart/${id}`);
  for (const title of [CITIZEN_TITLE, CITIZEN_OFF_TITLE])
    for (const id of await api.findIds('dashboard', 'dashboard_title', title))
      await api.delete(`/api/v1/dashboard/${id}`);

  const datasetId = await upsertDataset(CITIZEN_DATASET, citizenSql(inner, columns));
  const datasource = `${datasetId}__table`;
  const on = (await api.post('/api/v1/dashboard/', { dashboard_title: CITIZEN_TITLE, published: true })) as {
    id: number;
  };
  const off = (await api.post('/api/v1/dashboard/', { dashboard_title: CITIZEN_OFF_TITLE, published: true })) as {
    id: number;
  };

  const chart = async (name: string, vizType: string, params: object, dashboards: number[]) =>
    (
      (await api.post('/api/v1/chart/', {
        slice_name: name,
        viz_type: vizType,
        datasource_id: datasetId,
        datasource_type: 'table',
        params: JSON.stringify({ viz_type: vizType, datasource, adhoc_filters: [], ...params }),
        dashboards,
      })) as { id: number }
    ).id;

  // Superset's Table chart as a customer list: grouped by id and name, so a click on a cell cross-filters by it.
  const tableChartId = await chart(
    TABLE_NAME,
    'table',
    {
      query_mode: 'aggregate',
      groupby: ['customer_id', 'customer_name'],
      metrics: [{ expressionType: 'SQL', sqlExpression: 'COUNT(*)', label: 'rows' }],
      all_columns: [],
      percent_metrics: [],
      order_by_cols: [],
      row_limit: 100,
      order_desc: true,
      table_timestamp_format: 'smart_date',
      show_cell_bars: false,
      color_pn: false,
      // Superset's Table renders cell values as HTML unless told not to; the customer list shows them as text.
      allow_render_html: false,
    },
    [on.id, off.id],
  );
  const profile = { ...DEFAULT_FORM_DATA, row_limit: 100 };
  // A keeps the default (drill to detail off: sensitive data is hidden); B's author chose drill to detail.
  const a = await chart(PROFILE_A, VIZ_TYPE, profile, [on.id, off.id]);
  const b = await chart(PROFILE_B, VIZ_TYPE, { ...profile, metric: DRILL_METRIC }, [on.id]);

  await api.put(`/api/v1/dashboard/${on.id}`, {
    position_json: JSON.stringify(
      layout([
        [
          ['CHART-table', tableChartId, 4, TABLE_NAME],
          ['CHART-a', a, 8, PROFILE_A],
        ],
        [['CHART-b', b, 12, PROFILE_B]],
      ]),
    ),
    json_metadata: JSON.stringify(metadata([tableChartId, a, b], true)),
  });
  await api.put(`/api/v1/dashboard/${off.id}`, {
    position_json: JSON.stringify(
      layout([
        [
          ['CHART-table', tableChartId, 4, TABLE_NAME],
          ['CHART-a', a, 8, PROFILE_A],
        ],
      ]),
    ),
    json_metadata: JSON.stringify(metadata([tableChartId, a], false)),
  });
  return { datasetId, dashboardId: on.id, offDashboardId: off.id, tableChartId, profileIds: [a, b] };
}
