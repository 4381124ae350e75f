/**
 * The plugin's own buildQuery against the real /api/v1/chart/data, and the real response through the plugin's own
 * transformProps: what Superset 6.1 returns (dates as epoch ms, json columns as text, numerics as floats) must
 * give the model the view expects.
 */
import buildQuery from '../../src/plugin/buildQuery';
import type { CustomerProfileProps } from '../../src/plugin/transformProps';
import { CustomerProfileFormData, DEFAULT_FORM_DATA } from '../../src/plugin/formData';
import { FINANCIAL_COLUMNS } from '../../src/model/columns';
import type { CustomerProfile } from '../../src/model/types';
import { Fixtures, readFixtures, SupersetApi, utcDayPlus, VIZ_TYPE } from './support/api';
import { QueryResult, toProps } from './support/chartProps';

const e2e = process.env.SUPERSET_E2E === '1' ? describe : describe.skip;

let api: SupersetApi;
let fx: Fixtures;

function formDataFor(datasetId: number, extra: Partial<CustomerProfileFormData> = {}): CustomerProfileFormData {
  return {
    ...DEFAULT_FORM_DATA,
    viz_type: VIZ_TYPE,
    datasource: `${datasetId}__table`,
    adhoc_filters: [],
    ...extra,
  } as CustomerProfileFormData;
}

/** POSTs the plugin's query context; returns the first result and the SQL Superset ran. */
async function chartData(formData: CustomerProfileFormData): Promise<QueryResult> {
  const queryContext = buildQuery(formData);
  const body = (await api.post('/api/v1/chart/data', queryContext)) as { result: QueryResult[] };
  expect(body.result).toHaveLength(1);
  return body.result[0];
}

function customers(props: CustomerProfileProps): CustomerProfile[] {
  expect(props.model.status).toBe('ok');
  return props.model.status === 'ok' ? props.model.customers.map(c => c.profile) : [];
}

function expectAcme(profile: CustomerProfile | undefined, { financial }: { financial: boolean }) {
  expect(profile).toBeDefined();
  if (!profile) return;
  expect(profile.id).toBe('ACME-001');
  expect(profile.name).toBe('Acme Corporation');
  if (financial) {
    expect(profile.revenue?.currentArr).toBe(250000);
    expect(profile.revenue?.arrHistory).toHaveLength(36);
    expect(profile.revenue?.invoices).toHaveLength(48);
  } else {
    expect(profile.revenue).toBeUndefined();
  }
  expect(profile.health.score).toBe(45);
  expect(profile.health.breakdown).toHaveLength(5);
  expect(profile.products.active).toEqual(['CRM', 'BI', 'API']);
  expect(profile.activity.totalInteractions).toBe(120);
  expect(profile.activity.items).toHaveLength(120);
  expect(profile.renewal.renewalDate?.slice(0, 10)).toBe(utcDayPlus(25));
  expect(profile.customerSince?.slice(0, 10)).toBe('2020-01-15');
  expect(profile.contacts).toHaveLength(6);
}

e2e('chart-data API with the query context of the plugin', () => {
  beforeAll(async () => {
    fx = readFixtures();
    api = await new SupersetApi().login();
  });

  test('default controls: raw records (no GROUP BY), Jinja url_param filter, Acme parsed', async () => {
    const formData = formDataFor(fx.jinjaDatasetId, { url_params: { customer_id: 'ACME-001' } });
    const queryContext = buildQuery(formData);
    expect(queryContext.queries[0].metrics).toBeUndefined();
    const result = await chartData(formData);
    expect(result.rowcount).toBe(1);
    // Financial on, sensitive off by default: the query asks for the one and not the other.
    expect(result.colnames).toEqual(expect.arrayContaining(['customer_id', 'current_arr', 'activities']));
    expect(result.colnames).not.toContain('inn');
    // What 6.1 sends: dates as epoch ms (temporal, coltype 2), json as text.
    const row = result.data[0];
    expect(typeof row.renewal_date).toBe('number');
    expect(result.coltypes[result.colnames.indexOf('renewal_date')]).toBe(2);
    expect(typeof row.activities).toBe('string');
    const props = toProps(formData, result);
    expectAcme(customers(props)[0], { financial: true });
    expect(props.exposure.hiddenColumns).toEqual([]);
  });

  test('the SQL Superset runs has no GROUP BY and the rendered Jinja filter', async () => {
    const formData = formDataFor(fx.jinjaDatasetId, { url_params: { customer_id: 'ACME-001' } });
    const body = (await api.post('/api/v1/chart/data', { ...buildQuery(formData), result_type: 'query' })) as {
      result: { query: string }[];
    };
    const sql = body.result[0].query;
    // Versions print the SQL on one line or several: match across whitespace.
    expect(sql).toMatch(/WHERE\s+customer_id\s*=\s*'ACME-001'/);
    expect(sql).not.toMatch(/GROUP BY\s+customer_id/i);
    expect(sql).toMatch(/LIMIT\s+50\b/);
  });

  test('mapped columns: customer_name read from account_name, with an adhoc filter', async () => {
    const formData = formDataFor(fx.mappedDatasetId, {
      column_customer_name: 'account_name',
      adhoc_filters: [
        {
          expressionType: 'SIMPLE',
          subject: 'customer_id',
          operator: '==',
          comparator: 'ACME-001',
          clause: 'WHERE',
        },
      ],
    } as Partial<CustomerProfileFormData>);
    const queryContext = buildQuery(formData);
    expect(queryContext.queries[0].columns).toContain('account_name');
    expect(queryContext.queries[0].columns).not.toContain('customer_name');
    const result = await chartData(formData);
    expect(result.rowcount).toBe(1);
    expect(result.colnames).toContain('account_name');
    expect(result.colnames).not.toContain('customer_name');
    expectAcme(customers(toProps(formData, result))[0], { financial: true });
  });

  test('adhoc IN filter and row_limit: the limit is applied, several rows give several customers', async () => {
    const filter = {
      expressionType: 'SIMPLE',
      subject: 'customer_id',
      operator: 'IN',
      comparator: ['ACME-001', 'BALT-031', 'NIMB-055'],
      clause: 'WHERE',
    };
    const limited = formDataFor(fx.baseDatasetId, {
      adhoc_filters: [filter],
      row_limit: 2,
    } as Partial<CustomerProfileFormData>);
    const two = await chartData(limited);
    expect(two.rowcount).toBe(2);

    const all = formDataFor(fx.baseDatasetId, {
      adhoc_filters: [filter],
      row_limit: 10,
    } as Partial<CustomerProfileFormData>);
    const three = await chartData(all);
    expect(three.rowcount).toBe(3);
    const profiles = customers(toProps(all, three));
    expect(profiles.map(p => p.id).sort()).toEqual(['ACME-001', 'BALT-031', 'NIMB-055']);
    expectAcme(
      profiles.find(p => p.id === 'ACME-001'),
      { financial: true },
    );
    // Nimbus Labs: nearly everything NULL, still a valid profile.
    expect(profiles.find(p => p.id === 'NIMB-055')?.name).toBe('Nimbus Labs');
  });

  test('show_financial_data false / show_sensitive_data true: financial columns never queried, INN shown', async () => {
    const formData = formDataFor(fx.jinjaDatasetId, {
      url_params: { customer_id: 'ACME-001' },
      show_financial_data: false,
      show_sensitive_data: true,
    });
    const result = await chartData(formData);
    FINANCIAL_COLUMNS.forEach(column => expect(result.colnames).not.toContain(column));
    expect(result.colnames).toEqual(expect.arrayContaining(['inn', 'legal_name']));
    const props = toProps(formData, result);
    const acme = customers(props)[0];
    expectAcme(acme, { financial: false });
    expect(acme.inn).toBe('7707083893');
    expect(acme.legalName).toBe('Acme Corporation LLC');
    expect(JSON.stringify(props)).not.toContain('250000');
  });
});

e2e('hidden means not sent: the contacts e-mails and phones', () => {
  beforeAll(async () => {
    fx = readFixtures();
    api = await new SupersetApi().login();
  });

  // The seed's Acme contacts (demo/db/seed.js): their e-mails are at acme.example.org.
  const CONTACT_EMAIL = /@acme\.example\.org/;

  test('sensitive data off (the default): contact_details is not queried, and the answer holds no e-mail of theirs', async () => {
    const formData = formDataFor(fx.jinjaDatasetId, {
      url_params: { customer_id: 'ACME-001' },
      column_contact_details: 'contact_details',
    } as Partial<CustomerProfileFormData>);
    const result = await chartData(formData);
    expect(result.colnames).toContain('contacts');
    expect(result.colnames).not.toContain('contact_details');
    expect(JSON.stringify(result.data)).not.toMatch(CONTACT_EMAIL);
    const contacts = JSON.parse(result.data[0].contacts as string) as Record<string, unknown>[];
    expect(contacts).toHaveLength(6);
    contacts.forEach(contact => expect('email' in contact || 'phone' in contact).toBe(false));
    const props = toProps(formData, result);
    expect(customers(props)[0].contacts.every(c => c.email === undefined && c.phone === undefined)).toBe(true);
  });

  test('sensitive data on, mapped as explore maps it: contact_details is queried and every contact has its e-mail', async () => {
    const formData = formDataFor(fx.jinjaDatasetId, {
      url_params: { customer_id: 'ACME-001' },
      show_sensitive_data: true,
      column_contact_details: 'contact_details',
    } as Partial<CustomerProfileFormData>);
    const result = await chartData(formData);
    expect(result.colnames).toContain('contact_details');
    const props = toProps(formData, result);
    const acme = customers(props)[0];
    expectAcme(acme, { financial: true });
    expect(acme.contacts.every(c => CONTACT_EMAIL.test(c.email ?? '') && !!c.phone)).toBe(true);
    expect(props.model.status === 'ok' && props.model.customers[0].issues).toEqual([]);
  });
});
