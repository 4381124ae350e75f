/**
 * Row -> CustomerProfile. Pure and total: every field is a valid value or absent, every value that could not be
 * read becomes a ParseIssue for the chart author, and nothing here throws on data.
 */
import { ACTIVITY_TYPES, ActivityType, DOCUMENT_TYPES, DocumentType } from './constants';
import {
  DETAIL_COLUMNS,
  DetailColumn,
  DetailField,
  FieldKind,
  REQUIRED_COLUMNS,
  SCALAR_COLUMNS,
  ScalarColumn,
  ScalarColumnName,
} from './columns';
import {
  N_,
  Problem,
  problem,
  Read,
  readBoolean,
  readDate,
  readList,
  readNumber,
  readText,
  safeJsonParse,
} from './coerce';
import type {
  Activity,
  ArrPoint,
  Contact,
  CustomerDocument,
  CustomerProfile,
  Extra,
  HealthComponent,
  HealthPoint,
  Invoice,
  ParseIssue,
  ParseResult,
  ParsedCustomer,
  Payment,
  ProductUsage,
  UsagePoint,
} from './types';

export type Row = Record<string, unknown>;

/** Longer texts are cut: a megabyte customer name is a data error, and would swamp the layout. */
export const MAX_TEXT_LENGTH = 2000;
/** More items than this in one detail column are cut, with an issue: the view stays responsive. */
export const MAX_DETAIL_ITEMS = 50_000;
/** Keys that must never be copied onto an object from data. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Kept extra keys become plain JSON values (bigints as text, NaN and Infinity as null), so the JSON and CSV exports
 * can always serialise them.
 */
function jsonSafe(value: unknown): unknown {
  try {
    const text = JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
    return text === undefined ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

type Scalars = Partial<Record<ScalarColumnName, unknown>>;

function readField(raw: unknown, kind: FieldKind, bounds: { min?: number; max?: number } = {}): Read<unknown> {
  switch (kind) {
    case 'text': {
      const read = readText(raw);
      if (read.value !== undefined && read.value.length > MAX_TEXT_LENGTH)
        return {
          value: `${read.value.slice(0, MAX_TEXT_LENGTH)}…`,
          problem: problem(N_('text longer than %s characters was shortened'), MAX_TEXT_LENGTH),
        };
      return read;
    }
    case 'number':
      return readNumber(raw, bounds);
    case 'integer':
      return readNumber(raw, { ...bounds, integer: true });
    case 'date':
      return readDate(raw);
    case 'boolean':
      return readBoolean(raw);
    default:
      return {};
  }
}

function readScalars(row: Row, issues: ParseIssue[]): Scalars {
  const out: Scalars = {};
  SCALAR_COLUMNS.forEach((spec: ScalarColumn) => {
    const raw = row[spec.column];
    const read =
      spec.kind === 'list'
        ? readList(raw)
        : readField(raw, spec.kind, { min: spec.min, max: spec.max });
    if (read.problem) issues.push({ column: spec.column, ...read.problem });
    if (read.value !== undefined) out[spec.column as ScalarColumnName] = read.value;
  });
  return out;
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** The model's name of every detail field, worked out once, not once per item. */
const CAMEL_KEYS = new Map<string, string>(
  DETAIL_COLUMNS.flatMap(spec => spec.fields.map((f): [string, string] => [f.key, camel(f.key)])),
);

/** ISO dates and timestamps order as text; a plain comparison is much cheaper than localeCompare. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function readDetailItems(row: Row, spec: DetailColumn, issues: ParseIssue[]): Record<string, unknown>[] {
  const raw = row[spec.column];
  if (raw === null || raw === undefined || raw === '') return [];
  let list: unknown = raw;
  if (typeof raw === 'string') {
    list = safeJsonParse(raw);
    if (list === undefined) {
      issues.push({ column: spec.column, ...problem(N_('is not valid JSON: expected a JSON array of objects')) });
      return [];
    }
  }
  if (list === null) return [];
  if (!Array.isArray(list)) {
    issues.push({ column: spec.column, ...problem(N_('expected a JSON array of objects')) });
    return [];
  }
  if (list.length > MAX_DETAIL_ITEMS) {
    issues.push({ column: spec.column, ...problem(N_('only the first %s items are shown'), MAX_DETAIL_ITEMS) });
    list = list.slice(0, MAX_DETAIL_ITEMS);
  }
  const known = new Set(spec.fields.map(f => f.key));
  const items: Record<string, unknown>[] = [];
  let skipped = 0;
  const problems = new Map<string, Problem>();
  (list as unknown[]).forEach(entry => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      skipped += 1;
      return;
    }
    const source = entry as Record<string, unknown>;
    const item: Record<string, unknown> = {};
    spec.fields.forEach((field: DetailField) => {
      const read = readField(source[field.key], field.kind);
      if (read.problem && !problems.has(field.key)) problems.set(field.key, read.problem);
      if (read.value !== undefined) item[CAMEL_KEYS.get(field.key) as string] = read.value;
    });
    const extra: Extra = {};
    Object.keys(source).forEach(key => {
      if (!known.has(key) && !UNSAFE_KEYS.has(key)) extra[key] = jsonSafe(source[key]);
    });
    if (Object.keys(extra).length) item.extra = extra;
    items.push(item);
  });
  if (skipped)
    issues.push({ column: spec.column, ...problem(N_('%s item(s) that are not objects were skipped'), skipped) });
  problems.forEach((found, key) => issues.push({ column: `${spec.column}.${key}`, ...found }));
  return items;
}

const oneOf = <T extends string>(allowed: readonly T[], fallback: T) => (value: unknown): T => {
  const s = typeof value === 'string' ? value.toLowerCase() : '';
  return (allowed as readonly string[]).includes(s) ? (s as T) : fallback;
};
const activityType = oneOf<ActivityType>(ACTIVITY_TYPES, 'other');
const documentType = oneOf<DocumentType>(DOCUMENT_TYPES, 'other');

type Details = Record<(typeof DETAIL_COLUMNS)[number]['column'], Record<string, unknown>[]>;

/** Parses one row. The caller has checked that the required columns exist; their values may still be bad. */
export function parseRow(row: Row): ParsedCustomer | { issues: ParseIssue[]; profile?: undefined } {
  const issues: ParseIssue[] = [];
  const s = readScalars(row, issues);
  const id = s.customer_id as string | undefined;
  const name = s.customer_name as string | undefined;
  if (!id) {
    issues.push({ column: 'customer_id', ...problem(N_('is empty: the row cannot be shown')) });
    return { issues };
  }
  const details = {} as Details;
  DETAIL_COLUMNS.forEach(spec => {
    details[spec.column] = readDetailItems(row, spec, issues);
  });
  if (name === undefined)
    issues.push({ column: 'customer_name', ...problem(N_('is empty: the id is shown instead')) });
  if (s.current_arr === undefined && !issues.some(i => i.column === 'current_arr'))
    issues.push({ column: 'current_arr', ...problem(N_('is empty')) });

  const activities: Activity[] = details.activities.map(a => ({
    ...(a as Omit<Activity, 'type'>),
    type: activityType(a.type),
  }));
  // Newest first; undated events last.
  activities.sort((a, b) => byText(b.activityDate ?? '', a.activityDate ?? ''));

  const profile: CustomerProfile = {
    id,
    name: name ?? id,
    legalName: s.legal_name as string | undefined,
    inn: s.inn as string | undefined,
    segment: s.segment as string | undefined,
    industry: s.industry as string | undefined,
    region: s.region as string | undefined,
    city: s.city as string | undefined,
    address: s.address as string | undefined,
    phone: s.phone as string | undefined,
    email: s.email as string | undefined,
    website: s.website as string | undefined,
    employeeCount: s.employee_count as number | undefined,
    customerSince: s.customer_since as string | undefined,
    csm: {
      id: s.csm_id as string | undefined,
      name: s.csm_name as string | undefined,
      email: s.csm_email as string | undefined,
      phone: s.csm_phone as string | undefined,
    },
    revenue: {
      currentArr: s.current_arr as number | undefined,
      prevMonthArr: s.prev_month_arr as number | undefined,
      arrGrowthMom: s.arr_growth_mom as number | undefined,
      arrGrowthYoy: s.arr_growth_yoy as number | undefined,
      firstPaymentDate: s.first_payment_date as string | undefined,
      lastPaymentDate: s.last_payment_date as string | undefined,
      ltv: s.ltv as number | undefined,
      totalPaid: s.total_paid as number | undefined,
      totalInvoices: s.total_invoices as number | undefined,
      avgPaymentDelay: s.avg_payment_delay as number | undefined,
      arrHistory: sortBy(details.arr_history as ArrPoint[], p => p.month),
      invoices: details.invoices as Invoice[],
      payments: sortBy(details.payments as Payment[], p => p.paymentDate),
    },
    health: {
      score: s.health_score as number | undefined,
      nps: s.nps_score as number | undefined,
      csat: s.csat_score as number | undefined,
      supportTickets30d: s.support_ticket_count_30d as number | undefined,
      avgResolutionHours: s.avg_resolution_time_hours as number | undefined,
      churnRisk: s.churn_risk_score as number | undefined,
      breakdown: details.health_breakdown as HealthComponent[],
      history: sortBy(details.health_history as HealthPoint[], p => p.date),
    },
    renewal: {
      renewalDate: s.renewal_date as string | undefined,
      contractEndDate: s.contract_end_date as string | undefined,
      contractTermMonths: s.contract_term_months as number | undefined,
    },
    products: {
      active: (s.active_products as string[] | undefined) ?? [],
      count: s.product_count as number | undefined,
      lastActiveDate: s.last_active_date as string | undefined,
      avgFeatureAdoption: s.avg_feature_adoption as number | undefined,
      usage: details.product_usage as ProductUsage[],
      usageTrend: sortBy(details.usage_trend as UsagePoint[], p => p.date),
    },
    activity: {
      totalInteractions: s.total_interactions as number | undefined,
      lastInteractionDate: s.last_interaction_date as string | undefined,
      items: activities,
    },
    contacts: details.contacts as Contact[],
    documents: details.documents.map(
      (d): CustomerDocument => ({ ...(d as Omit<CustomerDocument, 'type'>), type: documentType(d.type) }),
    ),
  };
  return { profile: dropUndefined(profile), issues };
}

/** Chronological order; items without the date go first, where a chart skips them. */
function sortBy<T>(items: T[], date: (item: T) => string | undefined): T[] {
  return [...items].sort((a, b) => byText(date(a) ?? '', date(b) ?? ''));
}

/** Absent means absent: no key holds `undefined`, so `'inn' in profile` is false when there is no INN. */
function dropUndefined<T extends object>(value: T): T {
  Object.keys(value).forEach(key => {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) delete (value as Record<string, unknown>)[key];
    else if (v && typeof v === 'object' && !Array.isArray(v)) dropUndefined(v as object);
  });
  return value;
}

/** Required contract columns that the query result does not have. */
export function findMissingColumns(columnNames: readonly string[]): string[] {
  const present = new Set(columnNames);
  return REQUIRED_COLUMNS.filter(column => !present.has(column));
}

/**
 * Rows -> customers. `columnNames` are the result's column names (the first row's keys when not given).
 * Rows without a customer id are skipped with an issue; a repeated id keeps its first row.
 */
export function parseRows(rows: readonly Row[], columnNames?: readonly string[]): ParseResult {
  const names = columnNames ?? (rows.length ? Object.keys(rows[0]) : undefined);
  if (names && names.length) {
    const missingColumns = findMissingColumns(names);
    if (missingColumns.length) return { status: 'error', missingColumns };
  }
  if (!rows.length) return { status: 'empty' };
  const customers: ParsedCustomer[] = [];
  const issues: ParseIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const parsed = parseRow(row && typeof row === 'object' ? row : {});
    if (!parsed.profile) {
      issues.push({ column: 'customer_id', ...problem(N_('row %s has no customer id and is not shown'), index + 1) });
      return;
    }
    if (seen.has(parsed.profile.id)) {
      issues.push({ column: 'customer_id', ...problem(N_('row %s repeats a customer id and is not shown'), index + 1) });
      return;
    }
    seen.add(parsed.profile.id);
    customers.push(parsed);
  });
  if (!customers.length) return { status: 'empty' };
  return { status: 'ok', customers, issues };
}
