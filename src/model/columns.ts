/**
 * The data contract: every column the chart reads, its type, and whether the permission controls hide it.
 * The parser, the redaction, the query and the column-mapping controls are all generated from this one table.
 */

export type ScalarKind = 'text' | 'number' | 'integer' | 'date' | 'list';
export type Guard = 'financial' | 'sensitive';

export interface ScalarColumn {
  readonly column: string;
  readonly kind: ScalarKind;
  readonly required?: boolean;
  readonly guard?: Guard;
  readonly min?: number;
  readonly max?: number;
}

export const SCALAR_COLUMNS = [
  // Core customer info
  { column: 'customer_id', kind: 'text', required: true },
  { column: 'customer_name', kind: 'text', required: true },
  { column: 'legal_name', kind: 'text', guard: 'sensitive' },
  { column: 'inn', kind: 'text', guard: 'sensitive' },
  { column: 'segment', kind: 'text' },
  { column: 'industry', kind: 'text' },
  { column: 'region', kind: 'text' },
  { column: 'city', kind: 'text' },
  { column: 'address', kind: 'text', guard: 'sensitive' },
  { column: 'phone', kind: 'text', guard: 'sensitive' },
  { column: 'email', kind: 'text', guard: 'sensitive' },
  { column: 'website', kind: 'text' },
  { column: 'employee_count', kind: 'integer', min: 0 },
  { column: 'customer_since', kind: 'date' },
  // CSM
  { column: 'csm_id', kind: 'text' },
  { column: 'csm_name', kind: 'text' },
  { column: 'csm_email', kind: 'text' },
  { column: 'csm_phone', kind: 'text', guard: 'sensitive' },
  // Revenue
  { column: 'current_arr', kind: 'number', required: true, guard: 'financial', min: 0 },
  { column: 'prev_month_arr', kind: 'number', guard: 'financial', min: 0 },
  { column: 'arr_growth_mom', kind: 'number', guard: 'financial' },
  { column: 'arr_growth_yoy', kind: 'number', guard: 'financial' },
  { column: 'first_payment_date', kind: 'date', guard: 'financial' },
  { column: 'last_payment_date', kind: 'date', guard: 'financial' },
  { column: 'ltv', kind: 'number', guard: 'financial', min: 0 },
  { column: 'total_paid', kind: 'number', guard: 'financial', min: 0 },
  { column: 'total_invoices', kind: 'integer', guard: 'financial', min: 0 },
  { column: 'avg_payment_delay', kind: 'number', guard: 'financial' },
  // Health
  { column: 'health_score', kind: 'number', min: 0, max: 100 },
  { column: 'nps_score', kind: 'number', min: -100, max: 100 },
  { column: 'csat_score', kind: 'number', min: 0, max: 100 },
  { column: 'support_ticket_count_30d', kind: 'integer', min: 0 },
  { column: 'avg_resolution_time_hours', kind: 'number', min: 0 },
  { column: 'churn_risk_score', kind: 'number', min: 0, max: 100 },
  // Renewal
  { column: 'renewal_date', kind: 'date' },
  { column: 'contract_end_date', kind: 'date' },
  { column: 'contract_term_months', kind: 'integer', min: 0 },
  // Products
  { column: 'active_products', kind: 'list' },
  { column: 'product_count', kind: 'integer', min: 0 },
  { column: 'last_active_date', kind: 'date' },
  { column: 'avg_feature_adoption', kind: 'number', min: 0, max: 100 },
  // Activity
  { column: 'total_interactions', kind: 'integer', min: 0 },
  { column: 'last_interaction_date', kind: 'date' },
] as const satisfies readonly ScalarColumn[];

export type ScalarColumnName = (typeof SCALAR_COLUMNS)[number]['column'];

export type FieldKind = 'text' | 'number' | 'integer' | 'date' | 'boolean';

export interface DetailField {
  readonly key: string;
  readonly kind: FieldKind;
  readonly guard?: Guard;
}

export interface DetailColumn {
  readonly column: string;
  readonly fields: readonly DetailField[];
  /** The whole list is financial data. */
  readonly guard?: Guard;
}

export const DETAIL_COLUMNS = [
  {
    column: 'arr_history',
    guard: 'financial',
    fields: [
      { key: 'month', kind: 'date' },
      { key: 'arr', kind: 'number' },
    ],
  },
  {
    column: 'invoices',
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
    guard: 'financial',
    fields: [
      { key: 'payment_date', kind: 'date' },
      { key: 'amount', kind: 'number' },
      { key: 'days_late', kind: 'number' },
    ],
  },
  {
    column: 'product_usage',
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
    fields: [
      { key: 'date', kind: 'date' },
      { key: 'active_users', kind: 'number' },
    ],
  },
  {
    column: 'health_breakdown',
    fields: [
      { key: 'component', kind: 'text' },
      { key: 'score', kind: 'number' },
      { key: 'weight', kind: 'number' },
    ],
  },
  {
    column: 'health_history',
    fields: [
      { key: 'date', kind: 'date' },
      { key: 'score', kind: 'number' },
    ],
  },
  {
    column: 'activities',
    fields: [
      { key: 'activity_id', kind: 'text' },
      { key: 'activity_date', kind: 'date' },
      { key: 'type', kind: 'text' },
      { key: 'subject', kind: 'text' },
      { key: 'owner', kind: 'text' },
      { key: 'outcome', kind: 'text' },
    ],
  },
  {
    column: 'contacts',
    fields: [
      { key: 'name', kind: 'text' },
      { key: 'title', kind: 'text' },
      { key: 'email', kind: 'text', guard: 'sensitive' },
      { key: 'phone', kind: 'text', guard: 'sensitive' },
      { key: 'role', kind: 'text' },
      { key: 'is_primary', kind: 'boolean' },
      { key: 'last_contacted', kind: 'date' },
    ],
  },
  {
    column: 'documents',
    fields: [
      { key: 'title', kind: 'text' },
      { key: 'type', kind: 'text' },
      { key: 'url', kind: 'text' },
      { key: 'created_date', kind: 'date' },
      { key: 'status', kind: 'text' },
    ],
  },
] as const satisfies readonly DetailColumn[];

export type DetailColumnName = (typeof DETAIL_COLUMNS)[number]['column'];

/** Every contract column, scalars first, in the order the README documents them. */
export const CONTRACT_COLUMNS: readonly string[] = [
  ...SCALAR_COLUMNS.map(c => c.column),
  ...DETAIL_COLUMNS.map(c => c.column),
];

export const REQUIRED_COLUMNS: readonly string[] = SCALAR_COLUMNS.filter(
  c => 'required' in c && c.required,
).map(c => c.column);

/** Columns that `show_sensitive_data = false` removes (for the author warning, issue: sensitive columns reach). */
export const SENSITIVE_COLUMNS: readonly string[] = SCALAR_COLUMNS.filter(
  c => 'guard' in c && c.guard === 'sensitive',
).map(c => c.column);

export const FINANCIAL_COLUMNS: readonly string[] = [
  ...SCALAR_COLUMNS.filter(c => 'guard' in c && c.guard === 'financial').map(c => c.column),
  ...DETAIL_COLUMNS.filter(c => 'guard' in c && c.guard === 'financial').map(c => c.column),
];
