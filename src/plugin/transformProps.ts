/**
 * ChartProps -> the view's props. Typed at both ends: the view receives parsed, redacted customers and resolved
 * options, and never a raw row or form data.
 */
import { CONTRACT_COLUMNS } from '../model/columns';
import { parseRows, Row } from '../model/parse';
import { hiddenColumns, Permissions } from '../model/redact';
import type { ParseIssue, ParsedCustomer } from '../model/types';
import { datasetColumnNames, DatasourceLike } from './controlPanel';
import { DashboardLink, filteredCustomerId } from './dashboard';
import {
  CustomerProfileFormData,
  DisplayOptions,
  resolveColumnMapping,
  resolveOptions,
  ResolvedOptions,
} from './formData';

export type ModelState =
  | { status: 'ok'; customers: ParsedCustomer[]; issues: ParseIssue[] }
  | { status: 'empty' }
  | { status: 'error'; missingColumns: string[] };

export interface CustomerProfileProps extends ResolvedOptions {
  width: number;
  height: number;
  model: ModelState;
  display: DisplayOptions;
  /** The reference day of every count of days, YYYY-MM-DD: the current date when Superset renders the chart. */
  today: string;
  /**
   * For the author: the dataset's columns that the permission controls hide from this chart (financial, sensitive),
   * still readable wherever the dataset is (explore, drill to detail), and whether drill to detail is on.
   */
  exposure: { hiddenColumns: string[]; drillToDetail: boolean };
  /**
   * The host's theme as Superset hands it to every chart (Superset 6: antd tokens, in light or dark). The view prefers
   * it to emotion's context, which a plugin loaded as a separate bundle does not share.
   */
  hostTheme?: object;
  /**
   * Notes for the chart author (unreadable values, exposed sensitive columns): shown where the chart is built, not
   * to a dashboard's viewers. Superset adds `dashboardId` to the form data of a chart on a dashboard.
   */
  showAuthorNotes: boolean;
  /** Cross-filters out and in, and Superset's context menu: what the dashboard (or explore) lets the chart do. */
  dashboard: DashboardLink;
  /**
   * The chart's dataset as Superset names it (`formData.datasource`, "12__table"): the viewer's watchlist and edits
   * are kept per dataset, so another dataset whose customer has the same id never shows them.
   */
  dataset: string | undefined;
}

/** What transformProps reads of Superset's ChartProps: a ChartProps<CustomerProfileFormData> is one. */
export interface CustomerProfileChartProps {
  width: number;
  height: number;
  /** `formData` arrives camelCased; the control panel's own snake_case names are on `rawFormData`. */
  rawFormData: CustomerProfileFormData & { dashboardId?: unknown };
  queriesData: { data?: unknown; colnames?: unknown }[];
  datasource?: DatasourceLike | null;
  theme?: object;
  /** Superset's hooks: `setDataMask` emits a cross-filter, `onContextMenu` opens its menu (dashboards only). */
  hooks?: { setDataMask?: DashboardLink['setDataMask']; onContextMenu?: DashboardLink['onContextMenu'] };
  /** The state of the cross-filter this chart emitted, as the dashboard holds it. */
  filterState?: { value?: unknown };
  /** The dashboard has cross-filtering on (Superset sets it only on dashboards, for interactive charts). */
  emitCrossFilters?: boolean;
}

const isRow = (value: unknown): value is Row => !!value && typeof value === 'object' && !Array.isArray(value);

/** Result rows keyed by dataset column -> rows keyed by contract column. */
function toContractRows(rows: Row[], mapping: Map<string, string>): Row[] {
  const identity = Array.from(mapping).every(([contract, dataset]) => contract === dataset);
  if (identity) return rows;
  return rows.map(row => {
    const out: Row = {};
    mapping.forEach((datasetColumn, contractColumn) => {
      if (datasetColumn in row) out[contractColumn] = row[datasetColumn];
    });
    return out;
  });
}

/**
 * The last model built for each query result. A render-only control (a threshold, the visible tabs, a display
 * switch) hands transformProps the same result again: the rows are not parsed again unless the mapping or the
 * permissions changed.
 */
const parsedResults = new WeakMap<object, { key: string; model: ModelState }>();

function buildModel(data: unknown[], colnames: unknown, mapping: Map<string, string>, permissions: Permissions) {
  const key = JSON.stringify([Array.from(mapping), permissions, colnames]);
  const cached = parsedResults.get(data);
  if (cached?.key === key) return cached.model;
  const rows = data.filter(isRow);
  const datasetColnames = Array.isArray(colnames)
    ? colnames.filter((c): c is string => typeof c === 'string')
    : rows[0] && Object.keys(rows[0]);
  // Dataset column -> the contract columns it feeds (one dataset column may feed several).
  const feeds = new Map<string, string[]>();
  mapping.forEach((dataset, contract) => feeds.set(dataset, [...(feeds.get(dataset) ?? []), contract]));
  const contractColnames = datasetColnames?.flatMap(name => feeds.get(name) ?? []);
  const model = parseRows(toContractRows(rows, mapping), contractColnames, permissions);
  parsedResults.set(data, { key, model });
  return model;
}

/** The day as YYYY-MM-DD (UTC), the reference of every count of days. */
const isoDay = (day: Date) => day.toISOString().slice(0, 10);

export default function transformProps(
  chartProps: CustomerProfileChartProps,
  today: Date = new Date(),
): CustomerProfileProps {
  const { width, height, rawFormData: formData, queriesData, datasource, theme, hooks, filterState } = chartProps;
  const options = resolveOptions(formData);
  const mapping = resolveColumnMapping(formData);
  const { permissions } = options;

  const data = queriesData?.[0]?.data;
  const rows = Array.isArray(data) ? data : [];
  const model = buildModel(rows, queriesData?.[0]?.colnames, mapping, permissions);

  const datasetColumns = new Set([
    ...datasetColumnNames({ datasource }),
    ...(isRow(rows[0]) ? Object.keys(rows[0]) : []),
  ]);
  const hidden = hiddenColumns(permissions);
  const exposure = {
    hiddenColumns: CONTRACT_COLUMNS.filter(column => hidden.has(column))
      .map(column => mapping.get(column) ?? column)
      .filter(column => datasetColumns.has(column)),
    // Any metric turns Superset's drill to detail on: the control's COUNT(*), or an earlier version's hidden default.
    drillToDetail: formData?.metric !== undefined && formData?.metric !== null && formData?.metric !== '',
  };

  return {
    width,
    height,
    model,
    ...options,
    today: isoDay(today),
    exposure,
    showAuthorNotes: formData?.dashboardId === undefined,
    dataset: typeof formData?.datasource === 'string' && formData.datasource !== '' ? formData.datasource : undefined,
    dashboard: {
      column: mapping.get('customer_id') ?? 'customer_id',
      emitCrossFilters: !!chartProps.emitCrossFilters && typeof hooks?.setDataMask === 'function',
      filteredId: filteredCustomerId(filterState),
      setDataMask: hooks?.setDataMask,
      onContextMenu: typeof hooks?.onContextMenu === 'function' ? hooks.onContextMenu : undefined,
    },
    ...(theme && typeof theme === 'object' && Object.keys(theme).length ? { hostTheme: theme } : {}),
  };
}
