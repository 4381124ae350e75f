/**
 * Form data: the control panel's names (snake_case, a public contract), their single source of defaults, and the
 * one place where they are renamed to the camelCase options the view reads.
 */
import type { QueryFormData } from '@superset-ui/core';
import { TAB_IDS, TabId } from '../model/constants';
import { CONTRACT_COLUMNS, EXPLICIT_MAPPING_COLUMNS } from '../model/columns';
import type { Thresholds } from '../model/types';
import type { Permissions } from '../model/redact';

/**
 * Superset's context menu enables "Drill to detail" only for a chart whose form data names a metric
 * (DrillDetailMenuItems, 4.1 to 6.1: no metric means "this chart does not group data by dimension value"). Drill to
 * detail lists the dataset's rows with every column, the ones the permission controls hide included, so the chart
 * names one only when its author chooses it: the `metric` control (Permissions, "Drill to detail") is that choice,
 * off (null) by default. Never queried: buildQuery asks for raw records.
 */
export const DRILL_METRIC = 'COUNT(*)';

export interface CustomerProfileOptions {
  default_tab: TabId;
  show_alerts: boolean;
  show_quick_actions: boolean;
  show_watchlist: boolean;
  show_export: boolean;
  visible_tabs: TabId[];
  health_critical_threshold: number;
  health_at_risk_threshold: number;
  renewal_urgent_days: number;
  inactivity_alert_days: number;
  churn_risk_high_threshold: number;
  payment_delay_alert_days: number;
  show_financial_data: boolean;
  show_sensitive_data: boolean;
  allow_editing: boolean;
  currency: string;
  number_format: string;
  date_format: string;
  crm_url_template: string;
  row_limit: number;
  metric: typeof DRILL_METRIC | null;
}

export const DEFAULT_FORM_DATA: Readonly<CustomerProfileOptions> = {
  default_tab: 'overview',
  show_alerts: true,
  show_quick_actions: true,
  show_watchlist: true,
  show_export: true,
  visible_tabs: [...TAB_IDS],
  health_critical_threshold: 50,
  health_at_risk_threshold: 70,
  renewal_urgent_days: 30,
  inactivity_alert_days: 60,
  churn_risk_high_threshold: 70,
  payment_delay_alert_days: 30,
  show_financial_data: true,
  show_sensitive_data: false,
  allow_editing: false,
  currency: 'USD',
  number_format: ',.0f',
  date_format: 'MMM D, YYYY',
  crm_url_template: '',
  row_limit: 50,
  metric: null,
};

/** Form-data name of the control that maps a contract column to a dataset column: `column_<contract name>`. */
export const mappingControlName = (column: string) => `column_${column}`;

/**
 * Form data as it reaches the plugin: any option may be missing, or of another type (a chart saved by an older
 * version, a free-form select, the API), so each is read as unknown and resolved by `resolveOptions`.
 */
export type CustomerProfileFormData = QueryFormData &
  Partial<Record<keyof CustomerProfileOptions, unknown>> &
  Partial<Record<`column_${string}`, string | null>>;

/**
 * The dataset column that feeds each contract column. An unset mapping means the contract's own name; a mapping
 * set to null or '' means the dataset has no such column, and it is not queried. A column the contract gained after
 * charts were saved (`explicitMapping` in columns.ts) needs its mapping set: explore's mapping control sets it when
 * the dataset has the column, and a chart saved before knows nothing of it, so it must not ask a dataset for it.
 */
export function resolveColumnMapping(formData: Partial<CustomerProfileFormData>): Map<string, string> {
  const mapping = new Map<string, string>();
  const record = formData as Record<string, unknown>;
  CONTRACT_COLUMNS.forEach(column => {
    const mapped = record[mappingControlName(column)];
    if (mapped === undefined) {
      if (!EXPLICIT_MAPPING_COLUMNS.includes(column)) mapping.set(column, column);
    } else if (typeof mapped === 'string' && mapped.trim() !== '') mapping.set(column, mapped);
  });
  return mapping;
}

const asNumber = (value: unknown, fallback: number) => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
};
const asBoolean = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
const asString = (value: unknown, fallback: string) =>
  typeof value === 'string' && value.trim() !== '' ? value : fallback;
const isTabId = (value: unknown): value is TabId => (TAB_IDS as readonly unknown[]).includes(value);

/** The view's options, camelCase, every one defined: form data from an older chart or the API may lack any. */
export interface DisplayOptions {
  defaultTab: TabId;
  visibleTabs: TabId[];
  showAlerts: boolean;
  showQuickActions: boolean;
  showWatchlist: boolean;
  showExport: boolean;
  allowEditing: boolean;
  currency: string;
  numberFormat: string;
  dateFormat: string;
  crmUrlTemplate: string;
}

export interface ResolvedOptions {
  display: DisplayOptions;
  thresholds: Thresholds;
  permissions: Permissions;
}

export function resolveOptions(formData: Partial<CustomerProfileFormData>): ResolvedOptions {
  const d = DEFAULT_FORM_DATA;
  const {
    default_tab: defaultTab,
    visible_tabs: visibleTabs,
    show_alerts: showAlerts,
    show_quick_actions: showQuickActions,
    show_watchlist: showWatchlist,
    show_export: showExport,
    allow_editing: allowEditing,
    currency,
    number_format: numberFormat,
    date_format: dateFormat,
    crm_url_template: crmUrlTemplate,
  } = formData;
  // Tabs keep the seed's order whatever order the control holds them in.
  const chosen = Array.isArray(visibleTabs) ? visibleTabs.filter(isTabId) : d.visible_tabs;
  const tabs = TAB_IDS.filter(tab => chosen.includes(tab));
  const critical = asNumber(formData.health_critical_threshold, d.health_critical_threshold);
  return {
    display: {
      defaultTab: isTabId(defaultTab) ? defaultTab : d.default_tab,
      visibleTabs: tabs,
      showAlerts: asBoolean(showAlerts, d.show_alerts),
      showQuickActions: asBoolean(showQuickActions, d.show_quick_actions),
      showWatchlist: asBoolean(showWatchlist, d.show_watchlist),
      showExport: asBoolean(showExport, d.show_export),
      allowEditing: asBoolean(allowEditing, d.allow_editing),
      currency: asString(currency, d.currency).toUpperCase(),
      numberFormat: asString(numberFormat, d.number_format),
      dateFormat: asString(dateFormat, d.date_format),
      crmUrlTemplate: typeof crmUrlTemplate === 'string' ? crmUrlTemplate.trim() : d.crm_url_template,
    },
    thresholds: {
      healthCritical: critical,
      // Taken as given: an at-risk threshold not above critical is reported on the control (controlPanel/thresholds).
      healthAtRisk: asNumber(formData.health_at_risk_threshold, d.health_at_risk_threshold),
      renewalUrgentDays: asNumber(formData.renewal_urgent_days, d.renewal_urgent_days),
      inactivityAlertDays: asNumber(formData.inactivity_alert_days, d.inactivity_alert_days),
      churnRiskHigh: asNumber(formData.churn_risk_high_threshold, d.churn_risk_high_threshold),
      paymentDelayAlertDays: asNumber(formData.payment_delay_alert_days, d.payment_delay_alert_days),
    },
    permissions: {
      showFinancialData: asBoolean(formData.show_financial_data, d.show_financial_data),
      showSensitiveData: asBoolean(formData.show_sensitive_data, d.show_sensitive_data),
    },
  };
}
