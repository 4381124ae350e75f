/**
 * The data contract: every column the chart reads, its kind, its place in the model, whether a permission control
 * hides it (its guard) and its valid range. The parser, the redaction, the query, the column-mapping controls, the
 * export (which writes the model's places) and the README's contract table are all derived from this one table, so
 * a new column, or a new sensitive one, is one line here.
 */
import { ACTIVITY_TYPES, DOCUMENT_TYPES } from './constants';
import type { CustomerProfile } from './types';

export type ScalarKind = 'text' | 'number' | 'integer' | 'date' | 'list';
export type Guard = 'financial' | 'sensitive';

/** Dotted paths of the model's fields, e.g. `revenue.currentArr`; lists are leaves. */
type Paths<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends object
      ? K | `${K}.${Paths<NonNullable<T[K]>>}`
      : K;
}[keyof T & string];
export type ModelPath = Paths<CustomerProfile>;

/** The type at a model path. */
type ValueAt<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? ValueAt<NonNullable<T[K]>, Rest>
    : never
  : P extends keyof T
    ? NonNullable<T[P]>
    : never;

export interface ScalarColumn {
  readonly column: string;
  readonly kind: ScalarKind;
  /** Where the parsed value goes in the CustomerProfile. */
  readonly model: ModelPath;
  readonly required?: boolean;
  readonly guard?: Guard;
  readonly min?: number;
  readonly max?: number;
}

export const SCALAR_COLUMNS = [
  // Core customer info
  { column: 'customer_id', model: 'id', kind: 'text', required: true },
  { column: 'customer_name', model: 'name', kind: 'text', required: true },
  { column: 'legal_name', model: 'legalName', kind: 'text', guard: 'sensitive' },
  { column: 'inn', model: 'inn', kind: 'text', guard: 'sensitive' },
  { column: 'segment', model: 'segment', kind: 'text' },
  { column: 'industry', model: 'industry', kind: 'text' },
  { column: 'region', model: 'region', kind: 'text' },
  { column: 'city', model: 'city', kind: 'text' },
  { column: 'address', model: 'address', kind: 'text', guard: 'sensitive' },
  { column: 'phone', model: 'phone', kind: 'text', guard: 'sensitive' },
  { column: 'email', model: 'email', kind: 'text', guard: 'sensitive' },
  { column: 'website', model: 'website', kind: 'text' },
  { column: 'employee_count', model: 'employeeCount', kind: 'integer', min: 0 },
  { column: 'customer_since', model: 'customerSince', kind: 'date' },
  // CSM
  { column: 'csm_id', model: 'csm.id', kind: 'text' },
  { column: 'csm_name', model: 'csm.name', kind: 'text' },
  { column: 'csm_email', model: 'csm.email', kind: 'text' },
  { column: 'csm_phone', model: 'csm.phone', kind: 'text', guard: 'sensitive' },
  // Revenue
  { column: 'current_arr', model: 'revenue.currentArr', kind: 'number', required: true, guard: 'financial', min: 0 },
  { column: 'prev_month_arr', model: 'revenue.prevMonthArr', kind: 'number', guard: 'financial', min: 0 },
  { column: 'arr_growth_mom', model: 'revenue.arrGrowthMom', kind: 'number', guard: 'financial' },
  { column: 'arr_growth_yoy', model: 'revenue.arrGrowthYoy', kind: 'number', guard: 'financial' },
  { column: 'first_payment_date', model: 'revenue.firstPaymentDate', kind: 'date', guard: 'financial' },
  { column: 'last_payment_date', model: 'revenue.lastPaymentDate', kind: 'date', guard: 'financial' },
  { column: 'ltv', model: 'revenue.ltv', kind: 'number', guard: 'financial', min: 0 },
  { column: 'total_paid', model: 'revenue.totalPaid', kind: 'number', guard: 'financial', min: 0 },
  { column: 'total_invoices', model: 'revenue.totalInvoices', kind: 'integer', guard: 'financial', min: 0 },
  { column: 'avg_payment_delay', model: 'revenue.avgPaymentDelay', kind: 'number', guard: 'financial' },
  // Health
  { column: 'health_score', model: 'health.score', kind: 'number', min: 0, max: 100 },
  { column: 'nps_score', model: 'health.nps', kind: 'number', min: -100, max: 100 },
  { column: 'csat_score', model: 'health.csat', kind: 'number', min: 0, max: 100 },
  { column: 'support_ticket_count_30d', model: 'health.supportTickets30d', kind: 'integer', min: 0 },
  { column: 'avg_resolution_time_hours', model: 'health.avgResolutionHours', kind: 'number', min: 0 },
  { column: 'churn_risk_score', model: 'health.churnRisk', kind: 'number', min: 0, max: 100 },
  // Renewal
  { column: 'renewal_date', model: 'renewal.renewalDate', kind: 'date' },
  { column: 'contract_end_date', model: 'renewal.contractEndDate', kind: 'date' },
  { column: 'contract_term_months', model: 'renewal.contractTermMonths', kind: 'integer', min: 0 },
  // Products
  { column: 'active_products', model: 'products.active', kind: 'list' },
  { column: 'product_count', model: 'products.count', kind: 'integer', min: 0 },
  { column: 'last_active_date', model: 'products.lastActiveDate', kind: 'date' },
  { column: 'avg_feature_adoption', model: 'products.avgFeatureAdoption', kind: 'number', min: 0, max: 100 },
  // Activity
  { column: 'total_interactions', model: 'activity.totalInteractions', kind: 'integer', min: 0 },
  { column: 'last_interaction_date', model: 'activity.lastInteractionDate', kind: 'date' },
] as const satisfies readonly ScalarColumn[];

export type ScalarColumnName = (typeof SCALAR_COLUMNS)[number]['column'];

export type FieldKind = 'text' | 'number' | 'integer' | 'date' | 'boolean';

export interface DetailField {
  readonly key: string;
  readonly kind: FieldKind;
  readonly guard?: Guard;
  /** The values the field may take; anything else reads as 'other'. */
  readonly oneOf?: readonly string[];
}

export interface DetailColumn {
  readonly column: string;
  /** Where the parsed list goes in the CustomerProfile. */
  readonly model: ModelPath;
  readonly fields: readonly DetailField[];
  /** The whole list is financial data. */
  readonly guard?: Guard;
  /** The date field the list is ordered by (oldest first, undated first), unless newestFirst (undated last). */
  readonly sort?: string;
  readonly newestFirst?: boolean;
  /**
   * The column has no list of its own: each item joins the item of the list at `model` whose `mergeBy` field holds
   * the same text (after trimming), adding its other fields there. Its fields other than `mergeBy` are fields of that
   * list too, with the same kinds and guards (test/model/contract.test.ts checks it), so the redaction of that list
   * covers them.
   */
  readonly mergeBy?: string;
  /**
   * Queried only when its `column_<name>` control names a dataset column, never by its own name alone. The mapping
   * control fills it in explore when the dataset has the column; a chart saved before the column joined the contract
   * has no such value, and Superset fails the whole query ("Columns missing in dataset") when it names a column the
   * dataset lacks.
   */
  readonly explicitMapping?: boolean;
}

export const DETAIL_COLUMNS = [
  {
    column: 'arr_history',
    model: 'revenue.arrHistory',
    sort: 'month',
    guard: 'financial',
    fields: [
      { key: 'month', kind: 'date' },
      { key: 'arr', kind: 'number' },
    ],
  },
  {
    column: 'invoices',
    model: 'revenue.invoices',
    guard: 'financial',
    fields: [
      { key: 'invoice_id', kind: 'text' },
      { key: 'issued_date', kind: 'date' },
      { key: 'due_date', kind: 'date' },
      { key: 'paid_date', kind: 'date' },
      { key: 'amount', kind: 'number' },
      { key: 'status', kind: 'text' },
    ],
  },
  {
    column: 'payments',
    model: 'revenue.payments',
    sort: 'payment_date',
    guard: 'financial',
    fields: [
      { key: 'payment_date', kind: 'date' },
      { key: 'amount', kind: 'number' },
      { key: 'days_late', kind: 'number' },
    ],
  },
  {
    column: 'product_usage',
    model: 'products.usage',
    fields: [
      { key: 'product_name', kind: 'text' },
      { key: 'status', kind: 'text' },
      { key: 'licenses', kind: 'integer' },
      { key: 'active_users', kind: 'integer' },
      { key: 'feature_adoption', kind: 'number' },
      { key: 'last_active_date', kind: 'date' },
    ],
  },
  {
    column: 'usage_trend',
    model: 'products.usageTrend',
    sort: 'date',
    fields: [
      { key: 'date', kind: 'date' },
      { key: 'active_users', kind: 'number' },
    ],
  },
  {
    column: 'health_breakdown',
    model: 'health.breakdown',
    fields: [
      { key: 'component', kind: 'text' },
      { key: 'score', kind: 'number' },
      { key: 'weight', kind: 'number' },
    ],
  },
  {
    column: 'health_history',
    model: 'health.history',
    sort: 'date',
    fields: [
      { key: 'date', kind: 'date' },
      { key: 'score', kind: 'number' },
    ],
  },
  {
    column: 'activities',
    model: 'activity.items',
    sort: 'activity_date',
    newestFirst: true,
    fields: [
      { key: 'activity_id', kind: 'text' },
      { key: 'activity_date', kind: 'date' },
      { key: 'type', kind: 'text', oneOf: ACTIVITY_TYPES },
      { key: 'subject', kind: 'text' },
      { key: 'owner', kind: 'text' },
      { key: 'outcome', kind: 'text' },
    ],
  },
  {
    column: 'contacts',
    model: 'contacts',
    fields: [
      { key: 'name', kind: 'text' },
      { key: 'title', kind: 'text' },
      { key: 'role', kind: 'text' },
      { key: 'is_primary', kind: 'boolean' },
      { key: 'last_contacted', kind: 'date' },
      // Still read from datasets written before contact_details (removed unless sensitive data is on), but in this
      // column they reach every viewer in the chart's query: the author is told to move them.
      { key: 'email', kind: 'text', guard: 'sensitive' },
      { key: 'phone', kind: 'text', guard: 'sensitive' },
    ],
  },
  {
    // The contacts' e-mails and phones, apart from the rest: sensitive as a whole, so with sensitive data off the
    // column is not queried and they never leave the server. `contacts` may still carry them (datasets written
    // before this column): they are removed from the model then, and the author is told they travel.
    column: 'contact_details',
    model: 'contacts',
    guard: 'sensitive',
    mergeBy: 'name',
    explicitMapping: true,
    fields: [
      { key: 'name', kind: 'text' },
      { key: 'email', kind: 'text', guard: 'sensitive' },
      { key: 'phone', kind: 'text', guard: 'sensitive' },
    ],
  },
  {
    column: 'documents',
    model: 'documents',
    fields: [
      { key: 'title', kind: 'text' },
      { key: 'type', kind: 'text', oneOf: DOCUMENT_TYPES },
      { key: 'url', kind: 'text' },
      { key: 'created_date', kind: 'date' },
      { key: 'status', kind: 'text' },
    ],
  },
] as const satisfies readonly DetailColumn[];

export type DetailColumnName = (typeof DETAIL_COLUMNS)[number]['column'];

/** The TypeScript type each kind parses to. */
interface KindValue {
  text: string;
  number: number;
  integer: number;
  date: string;
  list: string[];
}
/** Compile-time proof that every scalar's model place holds the type its kind parses to: a wrong place fails tsc. */
type Misplaced<C> = C extends { column: infer N; kind: infer K extends ScalarKind; model: infer P extends string }
  ? KindValue[K] extends ValueAt<CustomerProfile, P>
    ? never
    : N
  : never;
const everyPlaceFits: [Misplaced<(typeof SCALAR_COLUMNS)[number]>] extends [never] ? true : false = true;
void everyPlaceFits;

/** Every contract column, scalars first, in the order the README documents them. */
export const CONTRACT_COLUMNS: readonly string[] = [
  ...SCALAR_COLUMNS.map(c => c.column),
  ...DETAIL_COLUMNS.map(c => c.column),
];

const columnsWith = (test: (c: { required?: boolean; guard?: Guard }) => boolean): string[] =>
  [...SCALAR_COLUMNS, ...DETAIL_COLUMNS]
    .filter(c => test(c as { required?: boolean; guard?: Guard }))
    .map(c => c.column);

export const REQUIRED_COLUMNS: readonly string[] = columnsWith(c => !!c.required);

/** Columns that `show_sensitive_data = false` removes (also the columns the author is warned about). */
export const SENSITIVE_COLUMNS: readonly string[] = columnsWith(c => c.guard === 'sensitive');

export const FINANCIAL_COLUMNS: readonly string[] = columnsWith(c => c.guard === 'financial');

/** Columns queried only when their mapping control names a dataset column (see DetailColumn.explicitMapping). */
export const EXPLICIT_MAPPING_COLUMNS: readonly string[] = (DETAIL_COLUMNS as readonly DetailColumn[])
  .filter(c => c.explicitMapping)
  .map(c => c.column);

/** A guarded key inside a detail column's items, e.g. `contacts.email`. */
export interface GuardedField {
  column: string;
  key: string;
  guard: Guard;
}
export const GUARDED_FIELDS: readonly GuardedField[] = DETAIL_COLUMNS.flatMap(spec =>
  (spec.fields as readonly DetailField[]).flatMap(field =>
    field.guard ? [{ column: spec.column, key: field.key, guard: field.guard }] : [],
  ),
);
