import { readFileSync } from 'fs';
import { join } from 'path';
import type { ControlPanelConfig, ControlPanelSectionConfig, ControlSetItem } from '@superset-ui/chart-controls';
import { getControlPanel } from '../../src/plugin/controlPanel';
import { extractQueryFields } from '@superset-ui/core';
import { DEFAULT_FORM_DATA, DRILL_METRIC, resolveOptions } from '../../src/plugin/formData';
import { CONTRACT_COLUMNS } from '../../src/model/columns';

type Config = {
  default?: unknown;
  renderTrigger?: boolean;
  mapStateToProps?: (state: unknown, control?: unknown) => Record<string, unknown>;
  validators?: ((value: unknown) => string | false)[];
  validationDependencies?: string[];
  visibility?: (props: { controls: Record<string, { value: unknown }> }) => boolean;
};

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

test('rendering controls re-render without a query; permission controls re-query', () => {
  ['default_tab', 'visible_tabs', 'show_alerts', 'health_critical_threshold', 'currency', 'allow_editing'].forEach(
    name => expect(all.get(name)?.renderTrigger).toBe(true),
  );
  ['show_financial_data', 'show_sensitive_data'].forEach(name => expect(all.get(name)?.renderTrigger).toBe(false));
});

test('a mapping control per contract column defaults to the dataset column of the same name', () => {
  CONTRACT_COLUMNS.forEach(column => expect(all.has(`column_${column}`)).toBe(true));
  const mapState = all.get('column_customer_name')?.mapStateToProps;
  const state = { datasource: { columns: [{ column_name: 'customer_name' }, { column_name: 'x' }] } };
  expect(mapState?.(state)).toEqual({
    choices: [
      ['customer_name', 'customer_name'],
      ['x', 'x'],
    ],
    default: 'customer_name',
  });
  expect(all.get('column_inn')?.mapStateToProps?.(state).default).toBeNull();
});

test('options from form data: strings, missing values and odd orders resolve safely', () => {
  const { display, thresholds } = resolveOptions({
    visible_tabs: ['documents', 'overview', 'bogus'],
    default_tab: 'nope',
    health_critical_threshold: '40',
    health_at_risk_threshold: 60,
  });
  expect(display.visibleTabs).toEqual(['overview', 'documents']);
  expect(display.defaultTab).toBe('overview');
  expect(thresholds.healthCritical).toBe(40);
  expect(thresholds.healthAtRisk).toBe(60);
});

describe('thresholds are validated where Superset shows control errors, not corrected', () => {
  const validate = (name: string, value: unknown) =>
    (all.get(name)?.validators ?? []).map(v => v(value)).filter(Boolean);
  it('days are whole numbers, 0 or more', () => {
    ['renewal_urgent_days', 'inactivity_alert_days', 'payment_delay_alert_days'].forEach(name => {
      expect(validate(name, -1)).toEqual(['Enter a whole number of days, 0 or more']);
      expect(validate(name, 'soon')).toEqual(['Enter a whole number of days, 0 or more']);
      expect(validate(name, 0)).toEqual([]);
      expect(validate(name, '45')).toEqual([]);
    });
  });
  it('scores are 0 to 100', () => {
    expect(validate('health_critical_threshold', 101)).toEqual(['Enter a score from 0 to 100']);
    expect(validate('churn_risk_high_threshold', 70)).toEqual([]);
  });
  it('at-risk must be above critical, re-checked when critical changes', () => {
    const atRisk = all.get('health_at_risk_threshold');
    expect(atRisk?.validationDependencies).toEqual(['health_critical_threshold']);
    const errors = (value: unknown, critical: unknown) =>
      atRisk?.mapStateToProps?.({ form_data: { health_critical_threshold: critical } }, { value })
        .externalValidationErrors;
    expect(errors(40, 50)).toEqual(['Must be above the critical threshold (50)']);
    expect(errors(50, 50)).toEqual(['Must be above the critical threshold (50)']);
    expect(errors(70, 50)).toEqual([]);
    expect(errors(70, undefined)).toEqual([]);
  });
  it("the chart takes the thresholds as given (the error is the author's to fix)", () => {
    expect(resolveOptions({ health_critical_threshold: 50, health_at_risk_threshold: 40 }).thresholds).toMatchObject({
      healthCritical: 50,
      healthAtRisk: 40,
    });
  });
});

test('the CRM link template is shown only while quick actions are', () => {
  const visible = all.get('crm_url_template')?.visibility;
  expect(visible?.({ controls: { show_quick_actions: { value: true } } })).toBe(true);
  expect(visible?.({ controls: { show_quick_actions: { value: false } } })).toBe(false);
});

test("the README's Controls table names every option with its default", () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Controls'),
    readme.indexOf('\n## ', readme.indexOf('## Controls') + 3),
  );
  const documented = new Map(
    [...section.matchAll(/^\| `([a-z_]+)` \| ([^|]*) \|/gm)].map(([, name, value]) => [name, value.trim()]),
  );
  Object.entries(DEFAULT_FORM_DATA).forEach(([name, value]) => {
    expect(documented.has(name)).toBe(true);
    const text = documented.get(name) ?? '';
    if (typeof value === 'boolean' || typeof value === 'number') expect(text).toBe(`\`${value}\``);
    else if (typeof value === 'string') expect(text).toBe(value ? `\`${value}\`` : 'empty');
  });
});

test("drill to detail is the author's choice: off by default, and the form data names a metric only when chosen", () => {
  const drill = all.get('metric') as Config & { type?: string; choices?: [unknown, string][]; clearable?: boolean };
  expect(drill.type).toBe('SelectControl');
  expect(drill.default).toBeNull();
  expect(drill.clearable).toBe(true);
  // The one choice is what Superset reads as a metric; cleared, extractQueryFields finds none and drill stays off.
  expect(drill.choices?.map(([value]) => value)).toEqual([DRILL_METRIC]);
  expect(
    extractQueryFields({ ...DEFAULT_FORM_DATA, datasource: '1__table', viz_type: 'customer_profile' }).metrics,
  ).toEqual([]);
  expect(
    extractQueryFields({ ...DEFAULT_FORM_DATA, metric: DRILL_METRIC, datasource: '1__table', viz_type: 'x' }).metrics,
  ).toEqual([DRILL_METRIC]);
});
