import buildQuery, { queriedColumns } from '../../src/plugin/buildQuery';
import { CONTRACT_COLUMNS, FINANCIAL_COLUMNS, SENSITIVE_COLUMNS } from '../../src/model/columns';

const base = { datasource: '7__table', viz_type: 'customer_profile' };

test('default controls: one raw-records query for the contract columns the permissions allow', () => {
  const context = buildQuery(base);
  expect(context.datasource).toEqual({ id: 7, type: 'table' });
  expect(context.queries).toHaveLength(1);
  const [query] = context.queries;
  // Raw records: no `metrics` key at all once serialised (an empty list would make Superset GROUP BY).
  expect('metrics' in JSON.parse(JSON.stringify(query))).toBe(false);
  expect(query.row_limit).toBe(50);
  // Sensitive data is off by default: those columns are not even requested.
  expect(query.columns).toEqual(CONTRACT_COLUMNS.filter(c => !SENSITIVE_COLUMNS.includes(c)));
});

test('financial data off drops the financial columns from the query', () => {
  const columns = queriedColumns({ ...base, show_financial_data: false, show_sensitive_data: true });
  FINANCIAL_COLUMNS.forEach(column => expect(columns).not.toContain(column));
  expect(columns).toContain('inn');
});

test('mapped columns are queried under the dataset names; unmapped ones are left out', () => {
  const [query] = buildQuery({
    ...base,
    column_customer_id: 'account_id',
    column_customer_name: 'account_name',
    column_inn: null,
    column_arr_history: '',
  }).queries;
  expect(query.columns).toEqual(expect.arrayContaining(['account_id', 'account_name', 'current_arr']));
  expect(query.columns).not.toContain('customer_id');
  expect(query.columns).not.toContain('arr_history');
});

test('adhoc filters, dashboard filters (extra_form_data) and URL parameters flow through', () => {
  const [query] = buildQuery({
    ...base,
    row_limit: 5,
    adhoc_filters: [
      { expressionType: 'SIMPLE', subject: 'customer_id', operator: '==', comparator: 'ACME-001', clause: 'WHERE' },
    ],
    extra_form_data: { filters: [{ col: 'region', op: 'IN', val: ['EMEA'] }] },
    url_params: { customer_id: 'ACME-001' },
  }).queries;
  // Superset puts the dashboard's filters before the chart's own.
  expect(query.filters).toEqual([
    { col: 'region', op: 'IN', val: ['EMEA'] },
    { col: 'customer_id', op: '==', val: 'ACME-001' },
  ]);
  expect(query.url_params).toEqual({ customer_id: 'ACME-001' });
  expect(query.row_limit).toBe(5);
});

test('a nonsense row limit falls back to the default', () => {
  expect(buildQuery({ ...base, row_limit: 'lots' }).queries[0].row_limit).toBe(50);
});

describe('contact_details, the contacts e-mails and phones: queried only with sensitive data on, once mapped', () => {
  it.each`
    description                                                 | formData                                                                    | queried
    ${'sensitive off (the default), mapped as explore maps it'} | ${{ column_contact_details: 'contact_details' }}                            | ${false}
    ${'sensitive off, mapped to another name'}                  | ${{ column_contact_details: 'people_private' }}                             | ${false}
    ${'sensitive on, mapped as explore maps it'}                | ${{ show_sensitive_data: true, column_contact_details: 'contact_details' }} | ${true}
    ${'sensitive on, mapped to another name'}                   | ${{ show_sensitive_data: true, column_contact_details: 'people_private' }}  | ${true}
    ${'sensitive on, a chart saved before the column existed'}  | ${{ show_sensitive_data: true }}                                            | ${false}
    ${'sensitive on, the dataset has no such column'}           | ${{ show_sensitive_data: true, column_contact_details: null }}              | ${false}
  `('$description', ({ formData, queried }) => {
    const columns = queriedColumns({ ...base, ...formData });
    const name = formData.column_contact_details ?? 'contact_details';
    expect(columns.includes(name)).toBe(queried);
    // contacts itself is queried either way: without e-mails and phones it is no longer sensitive.
    expect(columns).toContain('contacts');
  });

  it('with sensitive data off nothing sensitive is asked for, whatever the mapping names', () => {
    const mapped = Object.fromEntries(SENSITIVE_COLUMNS.map(column => [`column_${column}`, column]));
    const columns = queriedColumns({ ...base, ...mapped });
    SENSITIVE_COLUMNS.forEach(column => expect(columns).not.toContain(column));
  });
});
