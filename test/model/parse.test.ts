import { MAX_TEXT_LENGTH, parseRow, parseRows } from '../../src/model/parse';
import { formatProblem } from '../../src/model/coerce';
import { acmeRow, rowWith, sparseRow } from '../support/fixtures';

const profileOf = (row: Record<string, unknown>) => {
  const parsed = parseRow(row);
  if (!parsed.profile) throw new Error('no profile');
  return parsed;
};

describe('the seed example (Acme)', () => {
  const { profile, issues } = profileOf(acmeRow);

  it('reads every scalar group', () => {
    expect(profile).toMatchObject({
      id: 'ACME-001',
      name: 'Acme Corporation',
      segment: 'Enterprise',
      industry: 'Technology',
      employeeCount: 500,
      customerSince: '2020-01-15',
      csm: { name: 'John Smith', email: 'john.smith@example.com' },
      revenue: { currentArr: 250000, arrGrowthYoy: 15, ltv: 1200000, totalInvoices: 48 },
      health: { score: 45, nps: 20, csat: 78, churnRisk: 62 },
      renewal: { contractTermMonths: 12 },
      products: { active: ['CRM', 'BI', 'API'], count: 3, avgFeatureAdoption: 64 },
    });
    expect(issues).toEqual([]);
  });

  it('reads detail columns from JSON text and from parsed arrays alike', () => {
    expect(profile.revenue?.arrHistory).toHaveLength(4); // JSON text
    expect(profile.revenue?.invoices[0]).toMatchObject({ invoiceId: 'INV-1001', amount: 20833, status: 'paid' });
    expect(profile.revenue?.invoices[1].paidDate).toBeUndefined();
    expect(profile.contacts[0]).toMatchObject({ name: 'Jane Doe', isPrimary: true });
  });

  it('orders activities newest first and histories oldest first', () => {
    const dates = profile.activity.items.map(a => a.activityDate as string);
    expect([...dates].sort().reverse()).toEqual(dates);
    const months = profile.revenue?.arrHistory.map(p => p.month) ?? [];
    expect([...months].sort()).toEqual(months);
  });
});

describe('odd and bad values', () => {
  it.each`
    description                  | overrides                          | column              | expected
    ${'a numeric string ARR'}    | ${{ current_arr: '250,000' }}      | ${'current_arr'}    | ${250000}
    ${'a bigint employee count'} | ${{ employee_count: BigInt(500) }} | ${'employee_count'} | ${500}
    ${'a garbage renewal date'}  | ${{ renewal_date: 'soon' }}        | ${'renewal_date'}   | ${undefined}
    ${'a health score of 140'}   | ${{ health_score: 140 }}           | ${'health_score'}   | ${undefined}
    ${'an NPS of -100'}          | ${{ nps_score: -100 }}             | ${'nps_score'}      | ${-100}
  `('$description', ({ overrides, column, expected }) => {
    const { profile, issues } = profileOf(rowWith(overrides));
    const read = {
      current_arr: profile.revenue?.currentArr,
      employee_count: profile.employeeCount,
      renewal_date: profile.renewal.renewalDate,
      health_score: profile.health.score,
      nps_score: profile.health.nps,
    }[column as string];
    expect(read).toEqual(expected);
    expect(issues.some(issue => issue.column === column)).toBe(expected === undefined);
  });

  it.each`
    description        | value
    ${'broken JSON'}   | ${'[{"month": "2025-01-01", "arr": 1'}
    ${'a JSON object'} | ${'{"month": "2025-01-01"}'}
    ${'a number'}      | ${42}
  `('a detail column holding $description is empty, with an issue', ({ value }) => {
    const { profile, issues } = profileOf(rowWith({ arr_history: value }));
    expect(profile.revenue?.arrHistory).toEqual([]);
    expect(issues.map(i => i.column)).toContain('arr_history');
  });

  it('keeps keys beyond the contract and skips items that are not objects', () => {
    const { profile, issues } = profileOf(
      rowWith({ contacts: [{ name: 'A', linkedin: 'in/a', __proto__x: 1 }, 'oops', null] }),
    );
    expect(profile.contacts).toEqual([{ name: 'A', extra: { linkedin: 'in/a', __proto__x: 1 } }]);
    expect(issues.map(i => `${i.column}: ${formatProblem(i)}`)).toContain(
      'contacts: 2 item(s) that are not objects were skipped',
    );
  });

  it('unknown activity and document types become "other"', () => {
    const { profile } = profileOf(
      rowWith({ activities: [{ activity_id: 'x', type: 'webinar' }], documents: [{ title: 'd', type: 'memo' }] }),
    );
    expect(profile.activity.items[0].type).toBe('other');
    expect(profile.documents[0].type).toBe('other');
  });

  it('shortens a megabyte of text', () => {
    const { profile, issues } = profileOf(rowWith({ customer_name: 'x'.repeat(1_000_000) }));
    expect(profile.name.length).toBe(MAX_TEXT_LENGTH + 1);
    expect(issues.map(i => i.column)).toContain('customer_name');
  });

  it('a sparse row keeps what it has and holds no undefined keys', () => {
    const { profile } = profileOf(sparseRow);
    expect(profile.name).toBe('Sparse Ltd');
    expect('industry' in profile).toBe(false);
    expect(profile.revenue && 'currentArr' in profile.revenue).toBe(false);
    expect(profile.activity.items).toEqual([]);
  });

  it('issues never repeat the value that could not be read', () => {
    const { issues } = profileOf(rowWith({ inn: { secret: 'S3CR3T' }, health_score: 'S3CR3T' }));
    expect(JSON.stringify(issues)).not.toContain('S3CR3T');
  });
});

describe('parseRows', () => {
  it('names the missing required columns', () => {
    expect(parseRows([{ customer_id: 'x' }])).toEqual({
      status: 'error',
      missingColumns: ['customer_name', 'current_arr'],
    });
  });

  it('zero rows is the empty state', () => {
    expect(parseRows([], Object.keys(acmeRow))).toEqual({ status: 'empty' });
  });

  it('several customers, skipping rows without an id and repeated ids', () => {
    const result = parseRows([
      acmeRow,
      rowWith({ customer_id: 'B-2', customer_name: 'Beta' }),
      rowWith({ customer_id: null }),
      acmeRow,
    ]);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.customers.map(c => c.profile.name)).toEqual(['Acme Corporation', 'Beta']);
    expect(result.issues.map(i => formatProblem(i))).toEqual([
      'row 3 has no customer id and is not shown',
      'row 4 repeats a customer id and is not shown',
    ]);
  });
});
