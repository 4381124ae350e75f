import type { ControlPanelConfig, ControlPanelSectionConfig, ControlSetItem } from '@superset-ui/chart-controls';
import { getControlPanel } from '../../src/plugin/controlPanel';
import { DEFAULT_FORM_DATA, resolveOptions } from '../../src/plugin/formData';
import { CONTRACT_COLUMNS } from '../../src/model/columns';

type Config = { default?: unknown; renderTrigger?: boolean; mapStateToProps?: (state: unknown) => Record<string, unknown> };

function controls(config: ControlPanelConfig): Map<string, Config> {
  const out = new Map<string, Config>();
  (config.controlPanelSections as ControlPanelSectionConfig[]).forEach(section =>
    section.controlSetRows.flat().forEach(item => {
      if (item && typeof item === 'object' && 'name' in item && 'config' in item)
        out.set((item as ControlSetItem & { name: string }).name, (item as { config: Config }).config);
    }),
  );
  return out;
}

const all = controls(getControlPanel());

test('every option has a control whose default is the one source of defaults', () => {
  Object.entries(DEFAULT_FORM_DATA)
    .filter(([name]) => name !== 'row_limit')
    .forEach(([name, value]) => {
      expect(all.get(name)?.default).toEqual(value);
    });
  expect(getControlPanel().controlOverrides?.row_limit?.default).toBe(DEFAULT_FORM_DATA.row_limit);
});

test('the seed and issue defaults hold', () => {
  expect(DEFAULT_FORM_DATA).toMatchObject({
    default_tab: 'overview',
    show_alerts: true,
    show_quick_actions: true,
    show_watchlist: true,
    show_export: true,
    visible_tabs: ['overview', 'products', 'revenue', 'health', 'activity', 'contacts', 'documents'],
    health_critical_threshold: 50,
    health_at_risk_threshold: 70,
    renewal_urgent_days: 30,
    inactivity_alert_days: 60,
    churn_risk_high_threshold: 70,
    payment_delay_alert_days: 30,
    show_financial_data: true,
    show_sensitive_data: false,
    allow_editing: false,
  });
});

test('rendering controls re-render without a query; permission controls re-query', () => {
  ['default_tab', 'visible_tabs', 'show_alerts', 'health_critical_threshold', 'currency', 'allow_editing'].forEach(name =>
    expect(all.get(name)?.renderTrigger).toBe(true),
  );
  ['show_financial_data', 'show_sensitive_data'].forEach(name => expect(all.get(name)?.renderTrigger).toBe(false));
});

test('a mapping control per contract column defaults to the dataset column of the same name', () => {
  CONTRACT_COLUMNS.forEach(column => expect(all.has(`column_${column}`)).toBe(true));
  const mapState = all.get('column_customer_name')?.mapStateToProps;
  const state = { datasource: { columns: [{ column_name: 'customer_name' }, { column_name: 'x' }] } };
  expect(mapState?.(state)).toEqual({ choices: [['customer_name', 'customer_name'], ['x', 'x']], default: 'customer_name' });
  expect(all.get('column_inn')?.mapStateToProps?.(state).default).toBeNull();
});

test('options from form data: strings, missing values and odd orders resolve safely', () => {
  const { display, thresholds } = resolveOptions({
    visible_tabs: ['documents', 'overview', 'bogus'] as never,
    default_tab: 'nope' as never,
    health_critical_threshold: '40' as never,
    health_at_risk_threshold: 30,
  });
  expect(display.visibleTabs).toEqual(['overview', 'documents']);
  expect(display.defaultTab).toBe('overview');
  expect(thresholds.healthCritical).toBe(40);
  expect(thresholds.healthAtRisk).toBe(40);
});
