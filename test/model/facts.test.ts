import { computeAlerts, computeFacts, healthStatus, paymentHealth, weakestComponent } from '../../src/model/facts';
import { parseRow } from '../../src/model/parse';
import { resolveOptions } from '../../src/plugin/formData';
import type { CustomerProfile } from '../../src/model/types';
import { daysFrom, rowWith, TODAY, TODAY_ISO } from '../support/fixtures';

const thresholds = resolveOptions({}).thresholds;
const profileOf = (overrides: Record<string, unknown> = {}): CustomerProfile => {
  const parsed = parseRow(rowWith(overrides));
  if (!parsed.profile) throw new Error('no profile');
  return parsed.profile;
};
const day = daysFrom;
const facts = (overrides: Record<string, unknown> = {}) => computeFacts(profileOf(overrides), thresholds, TODAY);
const kinds = (overrides: Record<string, unknown>) =>
  computeAlerts(profileOf(overrides), thresholds, TODAY).map(a => a.kind);

describe('healthStatus at its thresholds (critical 50, at-risk 70)', () => {
  it.each`
    score        | status
    ${0}         | ${'critical'}
    ${49.9}      | ${'critical'}
    ${50}        | ${'at-risk'}
    ${69}        | ${'at-risk'}
    ${70}        | ${'healthy'}
    ${100}       | ${'healthy'}
    ${undefined} | ${undefined}
  `('$score -> $status', ({ score, status }) => {
    expect(healthStatus(score, thresholds)).toBe(status);
  });
});

describe('renewal', () => {
  it('counts whole days to renewal_date, urgent within 30 days', () => {
    expect(facts().renewal).toEqual({ date: day(25), source: 'renewal_date', days: 25, state: 'urgent' });
  });
  it('falls back to contract_end_date, and says so', () => {
    expect(facts({ renewal_date: null }).renewal).toMatchObject({ days: 30, source: 'contract_end_date' });
  });
  it('is overdue once passed, today on the day, upcoming beyond the urgent days, and missing without dates', () => {
    expect(facts({ renewal_date: day(-3) }).renewal).toMatchObject({ days: -3, state: 'overdue' });
    expect(facts({ renewal_date: day(0) }).renewal).toMatchObject({ days: 0, state: 'today' });
    expect(facts({ renewal_date: day(31) }).renewal).toMatchObject({ days: 31, state: 'upcoming' });
    expect(facts({ renewal_date: null, contract_end_date: null }).renewal).toBeUndefined();
  });
  it('takes today as a YYYY-MM-DD string as well as a Date', () => {
    expect(computeFacts(profileOf(), thresholds, TODAY_ISO).renewal?.days).toBe(25);
  });
});

describe('alerts at both sides of every threshold', () => {
  const calm = {
    health_score: 80,
    renewal_date: day(200),
    churn_risk_score: 10,
    last_active_date: day(-1),
    avg_payment_delay: 2,
  };
  it('a calm customer has no alert', () => {
    expect(kinds(calm)).toEqual([]);
  });
  it.each`
    description                       | overrides                                                      | kind                 | fires
    ${'health 49 < 50'}               | ${{ health_score: 49 }}                                        | ${'health_critical'} | ${true}
    ${'health 50 is not critical'}    | ${{ health_score: 50 }}                                        | ${'health_critical'} | ${false}
    ${'renewal in 30 days'}           | ${{ renewal_date: day(30) }}                                   | ${'renewal_urgent'}  | ${true}
    ${'renewal in 31 days'}           | ${{ renewal_date: day(31) }}                                   | ${'renewal_urgent'}  | ${false}
    ${'renewal today'}                | ${{ renewal_date: day(0) }}                                    | ${'renewal_urgent'}  | ${true}
    ${'renewal passed'}               | ${{ renewal_date: day(-1) }}                                   | ${'renewal_urgent'}  | ${false}
    ${'churn risk 70'}                | ${{ churn_risk_score: 70 }}                                    | ${'churn_risk'}      | ${true}
    ${'churn risk 69'}                | ${{ churn_risk_score: 69 }}                                    | ${'churn_risk'}      | ${false}
    ${'61 days inactive'}             | ${{ last_active_date: day(-61) }}                              | ${'inactivity'}      | ${true}
    ${'60 days inactive'}             | ${{ last_active_date: day(-60) }}                              | ${'inactivity'}      | ${false}
    ${'inactive by last interaction'} | ${{ last_active_date: null, last_interaction_date: day(-90) }} | ${'inactivity'}      | ${true}
    ${'payment delay 31 days'}        | ${{ avg_payment_delay: 31 }}                                   | ${'payment_delay'}   | ${true}
    ${'payment delay 30 days'}        | ${{ avg_payment_delay: 30 }}                                   | ${'payment_delay'}   | ${false}
  `('$description', ({ overrides, kind, fires }) => {
    expect(kinds({ ...calm, ...overrides }).includes(kind)).toBe(fires);
  });

  it('carries kind, severity, value and threshold, most severe first', () => {
    const alerts = computeAlerts(profileOf({ avg_payment_delay: 45 }), thresholds, TODAY);
    expect(alerts[0]).toEqual({ kind: 'health_critical', severity: 'critical', value: 45, threshold: 50 });
    expect(alerts.map(a => a.severity)).toEqual(['critical', 'warning', 'warning']);
    expect(alerts.map(a => a.kind)).toEqual(['health_critical', 'renewal_urgent', 'payment_delay']);
  });

  it('no payment alert without financial data', () => {
    const profile = profileOf({ avg_payment_delay: 90 });
    delete profile.revenue;
    expect(computeAlerts(profile, thresholds, TODAY).map(a => a.kind)).not.toContain('payment_delay');
  });
});

test('payment health: good up to 7 days, fair up to 30, poor beyond', () => {
  expect([0, 7, 7.5, 30, 31, undefined].map(paymentHealth)).toEqual([
    'good',
    'good',
    'fair',
    'fair',
    'poor',
    undefined,
  ]);
});

test('days inactive is never negative, and records the column it came from', () => {
  expect(facts({ last_active_date: day(5) }).inactivity).toMatchObject({ days: 0, alert: false });
  expect(facts({ last_active_date: null, last_interaction_date: day(-3) }).inactivity).toEqual({
    lastActive: { value: day(-3), source: 'last_interaction_date' },
    days: 3,
    alert: false,
  });
});

describe('one precedence for a figure with two sources: the summary column, then the detail list', () => {
  const usage = [
    { product_name: 'CRM', feature_adoption: 50 },
    { product_name: 'BI', feature_adoption: 70 },
    { product_name: 'API' },
    { product_name: 'Mobile' },
  ];
  it('product count: product_count, else the names of active_products, else the usage rows', () => {
    expect(facts().products.count).toEqual({ value: 3, source: 'product_count' });
    const noCount = facts({ product_count: null, product_usage: usage });
    expect(noCount.products.count).toEqual({ value: 3, source: 'active_products' });
    expect(noCount.products.names).toEqual(['CRM', 'BI', 'API']);
    const usageOnly = facts({ product_count: null, active_products: null, product_usage: usage });
    expect(usageOnly.products.count).toEqual({ value: 4, source: 'product_usage' });
    expect(usageOnly.products).toMatchObject({ names: ['CRM', 'BI', 'API', 'Mobile'], namesSource: 'product_usage' });
  });
  it('adoption: avg_feature_adoption, else the mean of the usage rows that have one', () => {
    expect(facts().products.adoption).toEqual({ value: 64, source: 'avg_feature_adoption' });
    expect(facts({ avg_feature_adoption: null, product_usage: usage }).products.adoption).toEqual({
      value: 60,
      source: 'product_usage',
    });
  });
  it('payment delay: avg_payment_delay, else the payments (early counts as on time); health and alert follow', () => {
    expect(facts().payments?.avgDelay).toEqual({ value: 4, source: 'avg_payment_delay' });
    const late = facts({
      avg_payment_delay: null,
      payments: [
        { payment_date: '2026-01-05', amount: 10, days_late: -4 },
        { payment_date: '2026-02-03', amount: 10, days_late: 80 },
      ],
    });
    expect(late.payments).toMatchObject({
      avgDelay: { value: 40, source: 'payments' },
      health: 'poor',
      onTime: 1,
      late: 1,
      lateness: ['on-time', 'very-late'],
    });
    expect(late.alerts.map(a => a.kind)).toContain('payment_delay');
  });
});

test('weakest component is the largest weighted shortfall', () => {
  expect(weakestComponent(profileOf().health.breakdown)?.component).toBe('Support');
  expect(
    weakestComponent([
      { component: 'a', score: 10, weight: 0.1 },
      { component: 'b', score: 40, weight: 0.9 },
    ])?.component,
  ).toBe('b');
  expect(weakestComponent([])).toBeUndefined();
});

test('ARR growth keeps the label of the column it came from', () => {
  expect(facts().arrGrowth).toEqual({ value: 15, period: 'yoy', source: 'arr_growth_yoy' });
  expect(facts({ arr_growth_yoy: null }).arrGrowth).toEqual({ value: 2.04, period: 'mom', source: 'arr_growth_mom' });
  expect(facts({ arr_growth_yoy: null, arr_growth_mom: null }).arrGrowth).toBeUndefined();
});
