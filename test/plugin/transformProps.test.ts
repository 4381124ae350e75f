import transformProps from '../../src/plugin/transformProps';
import type { CustomerProfileFormData } from '../../src/plugin/formData';
import { chartProps } from '../support/render';
import { acmeRow, FINANCIAL_VALUES, rowWith, SENSITIVE_VALUES, TODAY, TODAY_ISO } from '../support/fixtures';

test('returns the redacted model with resolved options', () => {
  const props = chartProps({ width: 800, height: 600 });
  expect(props.width).toBe(800);
  expect(props.display.defaultTab).toBe('overview');
  expect(props.thresholds.healthCritical).toBe(50);
  expect(props.model.status).toBe('ok');
  if (props.model.status !== 'ok') return;
  const [customer] = props.model.customers;
  expect(customer.profile.name).toBe('Acme Corporation');
  // Sensitive data is off by default: removed even though the row carried it.
  expect('inn' in customer.profile).toBe(false);
  SENSITIVE_VALUES.forEach(value => expect(JSON.stringify(props)).not.toContain(value));
});

test('financial data off: no financial value anywhere in the props, and ARR is not required', () => {
  const { current_arr: _arr, ...row } = acmeRow;
  const props = chartProps({ rows: [row], formData: { show_financial_data: false } });
  expect(props.model.status).toBe('ok');
  FINANCIAL_VALUES.forEach(value => expect(JSON.stringify(props)).not.toContain(value.replace(/,/g, '')));
});

test('mapped dataset columns are read back under the contract names', () => {
  const { customer_id: id, customer_name: name, ...rest } = acmeRow;
  const props = chartProps({
    rows: [{ ...rest, account_id: id, account_name: name }],
    formData: { column_customer_id: 'account_id', column_customer_name: 'account_name' },
  });
  expect(props.model.status === 'ok' && props.model.customers[0].profile.name).toBe('Acme Corporation');
});

test('missing required columns, zero rows and several customers are states', () => {
  expect(chartProps({ rows: [{ customer_id: 'x' }] }).model).toEqual({
    status: 'error',
    missingColumns: ['customer_name', 'current_arr'],
  });
  expect(chartProps({ rows: [], colnames: Object.keys(acmeRow) }).model).toEqual({ status: 'empty' });
  const several = chartProps({ rows: [acmeRow, rowWith({ customer_id: 'B', customer_name: 'Beta' })] }).model;
  expect(several.status === 'ok' && several.customers).toHaveLength(2);
});

test('warns the author about the hidden columns the dataset exposes, financial and sensitive, and about drill to detail', () => {
  const columns = ['customer_id', 'inn', 'legal_name', 'current_arr', 'ltv', 'industry'];
  expect(chartProps({ datasourceColumns: columns, rows: [] }).exposure).toEqual({
    hiddenColumns: ['legal_name', 'inn'],
    drillToDetail: false,
  });
  const financialOff = chartProps({
    datasourceColumns: columns,
    rows: [],
    formData: { show_financial_data: false, metric: 'COUNT(*)' },
  });
  expect(financialOff.exposure).toEqual({
    hiddenColumns: ['legal_name', 'inn', 'current_arr', 'ltv'],
    drillToDetail: true,
  });
  // Named as the dataset names them: a mapped column is listed by its dataset name.
  expect(
    chartProps({ datasourceColumns: ['customer_id', 'tax_id'], rows: [], formData: { column_inn: 'tax_id' } }).exposure
      .hiddenColumns,
  ).toEqual(['tax_id']);
  expect(chartProps({ formData: { show_sensitive_data: true } }).exposure.hiddenColumns).toEqual([]);
});

describe('the parse is memoised on the rows, the mapping and the permissions', () => {
  const rows = [acmeRow];
  const props = (formData: Partial<CustomerProfileFormData>) =>
    transformProps(
      {
        width: 800,
        height: 600,
        rawFormData: { datasource: '1__table', viz_type: 'customer_profile', ...formData },
        queriesData: [{ data: rows, colnames: Object.keys(acmeRow) }],
      },
      TODAY,
    );

  it('a render-only control (a threshold, the tabs, a display switch) gets the same model, not a new parse', () => {
    const first = props({});
    const next = props({ health_critical_threshold: 60, visible_tabs: ['overview'], show_alerts: false });
    expect(next.model).toBe(first.model);
    expect(next.thresholds.healthCritical).toBe(60);
  });

  it('a permission or a mapping change parses again, with its own result', () => {
    const first = props({});
    const withSensitive = props({ show_sensitive_data: true });
    expect(withSensitive.model).not.toBe(first.model);
    expect(withSensitive.model.status === 'ok' && withSensitive.model.customers[0].profile.inn).toBe('7707083893');
    const unmapped = props({ column_customer_name: '' });
    expect(unmapped.model).toEqual({ status: 'error', missingColumns: ['customer_name'] });
  });

  it('passes the day it renders on as today, YYYY-MM-DD', () => {
    expect(props({}).today).toBe(TODAY_ISO);
  });
});

test("the chart's dataset reaches the view, for the storage of the viewer's own state", () => {
  expect(chartProps({ formData: { datasource: '12__table' } }).dataset).toBe('12__table');
  expect(chartProps({ formData: { datasource: '' } }).dataset).toBeUndefined();
});
