/**
 * The chart as a citizen of a Superset dashboard: the cross-filter it emits, the filter it reads back, and the
 * filters Superset's context menu (drill to detail, add cross-filter) is opened with. A public contract, documented
 * in docs/CONTRACT.md: one filter `{ col: <dataset column mapped to customer_id>, op: 'IN', val: [<customer id>] }`,
 * labelled with the customer's name; drill to detail by `<column> == <customer id>`.
 *
 * The customer id travels as a plain value inside the filter object: Superset quotes it when it builds the SQL, and
 * the label is text, so ids with quotes, commas or markup stay one value and never become markup. The context menu's
 * filters are built in components/contextMenu.ts, loaded at the first right-click.
 */
import type { ContextMenuFilters, DataMask, FilterState } from '@superset-ui/core';

/** The customer a filter or a menu is about. */
export interface CustomerRef {
  id: string;
  name: string;
}

/** What the dashboard lets the chart do, resolved once in transformProps. */
export interface DashboardLink {
  /** The dataset column mapped to customer_id: the column every emitted filter is on. */
  column: string;
  /** The dashboard has cross-filtering on and the host gave a way to emit: choosing a customer filters the others. */
  emitCrossFilters: boolean;
  /** The customer of the cross-filter this chart emitted, as the dashboard holds it (permalinks included). */
  filteredId?: string;
  setDataMask?: (mask: DataMask) => void;
  /** Superset's context menu (dashboards only): x, y in client coordinates. */
  onContextMenu?: (clientX: number, clientY: number, filters?: ContextMenuFilters) => void;
}

/** The data mask that filters the dashboard by one customer, or clears this chart's filter (`customer` undefined). */
export function customerDataMask(column: string, customer: CustomerRef | undefined): DataMask {
  if (!customer)
    return {
      extraFormData: { filters: [] },
      filterState: { value: null, selectedValues: null, label: null, filters: null },
    };
  return {
    extraFormData: { filters: [{ col: column, op: 'IN', val: [customer.id] }] },
    filterState: {
      value: [customer.id],
      selectedValues: [customer.id],
      label: customer.name,
      filters: { [column]: [customer.id] },
    },
  };
}

/** The customer id of the cross-filter the dashboard holds for this chart, if any. */
export function filteredCustomerId(filterState: FilterState | undefined): string | undefined {
  const value: unknown = filterState?.value;
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
}

/** Choosing `customer`: filter by it, or clear when it is the one already filtered (Superset's toggle). */
export function toggleMask(link: DashboardLink, customer: CustomerRef): { mask: DataMask; selected: boolean } {
  const selected = link.filteredId === customer.id;
  return { mask: customerDataMask(link.column, selected ? undefined : customer), selected };
}
