/**
 * One raw-records query (no aggregation) for the mapped contract columns. Columns that the permission controls
 * hide are not even requested: they never reach the browser through this chart.
 */
import { buildQueryContext } from '@superset-ui/core';
import { hiddenColumns } from '../model/redact';
import { CustomerProfileFormData, DEFAULT_FORM_DATA, resolveColumnMapping, resolveOptions } from './formData';

/** The dataset columns to query, in contract order, without the ones the permissions hide. */
export function queriedColumns(formData: Partial<CustomerProfileFormData>): string[] {
  const hidden = hiddenColumns(resolveOptions(formData).permissions);
  const columns: string[] = [];
  resolveColumnMapping(formData).forEach((datasetColumn, contractColumn) => {
    if (!hidden.has(contractColumn) && !columns.includes(datasetColumn)) columns.push(datasetColumn);
  });
  return columns;
}

export default function buildQuery(formData: CustomerProfileFormData) {
  const rowLimit = Number(formData.row_limit);
  return buildQueryContext(formData, baseQueryObject => [
    {
      ...baseQueryObject,
      columns: queriedColumns(formData),
      // No metrics at all, not an empty list: Superset reads `metrics: []` as an aggregate query and groups by every
      // column, which PostgreSQL refuses for json columns. Omitted, it is a raw-records query.
      metrics: undefined,
      orderby: [],
      is_timeseries: false,
      row_limit: Number.isFinite(rowLimit) && rowLimit > 0 ? rowLimit : DEFAULT_FORM_DATA.row_limit,
    },
  ]);
}
