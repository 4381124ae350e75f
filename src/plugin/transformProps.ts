/**
 * ChartProps -> the view's props. Typed at both ends: the view receives parsed, redacted customers and resolved
 * options, and never a raw row or form data.
 */
import type { ChartProps, QueryFormData } from '@superset-ui/core';
import { REQUIRED_COLUMNS, SENSITIVE_COLUMNS } from '../model/columns';
import { parseRows, Row } from '../model/parse';
import { hiddenColumns, redactProfile } from '../model/redact';
import type { ParseIssue, ParsedCustomer } from '../model/types';
import { datasetColumnNames } from './controlPanel';
import { CustomerProfileFormData, DisplayOptions, resolveColumnMapping, resolveOptions, ResolvedOptions } from './formData';

export type ModelState =
  | { status: 'ok'; customers: ParsedCustomer[]; issues: ParseIssue[] }
  | { status: 'empty' }
  | { status: 'error'; missingColumns: string[] };

export interface CustomerProfileProps extends ResolvedOptions {
  width: number;
  height: number;
  model: ModelState;
  display: DisplayOptions;
  /** Sensitive contract columns the dataset exposes while show_sensitive_data is off: a warning for the author. */
  exposedSensitiveColumns: string[];
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
}

interface QueryData {
  data?: unknown;
  colnames?: unknown;
}

export interface CustomerProfileChartProps extends ChartProps {
  rawFormData: QueryFormData;
  queriesData: QueryData[];
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

export default function transformProps(chartProps: CustomerProfileChartProps): CustomerProfileProps {
  const { width, height, rawFormData, queriesData, datasource, theme } = chartProps;
  // `formData` arrives camelCased; the control panel's own snake_case names are on `rawFormData`.
  const formData = rawFormData as CustomerProfileFormData;
  const options = resolveOptions(formData);
  const mapping = resolveColumnMapping(formData);
  const { permissions } = options;

  const query = queriesData?.[0] ?? {};
  const rows = Array.isArray(query.data) ? query.data.filter(isRow) : [];
  const datasetColnames = Array.isArray(query.colnames)
    ? query.colnames.filter((c): c is string => typeof c === 'string')
    : undefined;
  // Hidden columns are not queried, so they are not required either.
  const hidden = hiddenColumns(permissions);
  // Dataset column -> the contract columns it feeds (one dataset column may feed several).
  const feeds = new Map<string, string[]>();
  mapping.forEach((dataset, contract) => feeds.set(dataset, [...(feeds.get(dataset) ?? []), contract]));
  const contractColnames = (datasetColnames ?? (rows[0] ? Object.keys(rows[0]) : [])).flatMap(
    name => feeds.get(name) ?? [],
  );
  const required = REQUIRED_COLUMNS.filter(c => !hidden.has(c));
  const missingColumns = required.filter(c => !mapping.has(c) || !contractColnames.includes(c));
  const hasResultShape = datasetColnames !== undefined || rows.length > 0;

  let model: ModelState;
  if (hasResultShape && missingColumns.length) model = { status: 'error', missingColumns };
  else {
    // The required-column check is done above, with the permissions in mind.
    const parsed = parseRows(toContractRows(rows, mapping), [...REQUIRED_COLUMNS]);
    model =
      parsed.status === 'ok'
        ? {
            status: 'ok',
            issues: parsed.issues,
            customers: parsed.customers.map(customer => ({
              issues: customer.issues.filter(issue => !hidden.has(issue.column.split('.')[0])),
              profile: redactProfile(customer.profile, permissions),
            })),
          }
        : parsed;
  }

  const datasetColumns = new Set([
    ...datasetColumnNames({ datasource } as never),
    ...(rows[0] ? Object.keys(rows[0]) : []),
  ]);
  const exposedSensitiveColumns = permissions.showSensitiveData
    ? []
    : SENSITIVE_COLUMNS.filter(column => datasetColumns.has(mapping.get(column) ?? column));

  return {
    width,
    height,
    model,
    ...options,
    exposedSensitiveColumns,
    showAuthorNotes: (rawFormData as { dashboardId?: unknown })?.dashboardId === undefined,
    ...(theme && typeof theme === 'object' && Object.keys(theme).length ? { hostTheme: theme } : {}),
  };
}
