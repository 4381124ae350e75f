import {
  arrGrowth,
  computeAlerts,
  daysInactive,
  daysToRenewal,
  healthStatus,
  paymentHealth,
  weakestComponent,
} from '../../src/model/rules';
import { parseRow } from '../../src/model/parse';
import { resolveOptions } from '../../src/plugin/formData';
import type { CustomerProfile } from '../../src/model/types';
import { acmeRow, rowWith, TODAY } from '../support/fixtures';

const thresholds = resolveOptions({}).thresholds;
const profileOf = (overrides: Record<string, unknown> = {}): CustomerProfile => {
  const parsed = parseRow(rowWith(overrides));
  if (!parsed.profile) throw new Error('no profile');
  return parsed.profile;
};
const day = (offset: number) => new Date(Date.UTC(2026, 2, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const kinds = (overrides: Record<string, unknown>) => computeAlerts(profileOf(overrides), thresholds, TODAY).map(a => a.kind);

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

describe('days to renewal', () => {
  it('counts whole days to renewal_date', () => {
    expect(daysToRenewal(profileOf(), TODAY)).toBe(25);
  });
  it('falls back to contract_end_date', () => {
    expect(daysToRenewal(profileOf({ renewal_date: null }), TODAY)).toBe(30);
  });
  it('is negative once passed, and missing without dates', () => {
    expect(daysToRenewal(profileOf({ renewal_date: day(-3) }), TODAY)).toBe(-3);
    expect(daysToRenewal(profileOf({ renewal_date: null, contract_end_date: null }), TODAY)).toBeUndefined();
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
    description                          | overrides                                  | kind                 | fires
    ${'health 49 < 50'}                  | ${{ health_score: 49 }}                    | ${'health_critical'} | ${true}
    ${'health 50 is not critical'}       | ${{ health_score: 50 }}                    | ${'health_critical'} | ${false}
    ${'renewal in 30 days'}              | ${{ renewal_date: day(30) }}               | ${'renewal_urgent'}  | ${true}
    ${'renewal in 31 days'}              | ${{ renewal_date: day(31) }}               | ${'renewal_urgent'}  | ${false}
    ${'renewal today'}                   | ${{ renewal_date: day(0) }}                | ${'renewal_urgent'}  | ${true}
    ${'renewal passed'}                  | ${{ renewal_date: day(-1) }}               | ${'renewal_urgent'}  | ${false}
    ${'churn risk 70'}                   | ${{ churn_risk_score: 70 }}                | ${'churn_risk'}      | ${true}
    ${'churn risk 69'}                   | ${{ churn_risk_score: 69 }}                | ${'churn_risk'}      | ${false}
    ${'61 days inactive'}                | ${{ last_active_date: day(-61) }}          | ${'inactivity'}      | ${true}
    ${'60 days inactive'}                | ${{ last_active_date: day(-60) }}          | ${'inactivity'}      | ${false}
    ${'inactive by last interaction'}    | ${{ last_active_date: null, last_interaction_date: day(-90) }} | ${'inactivity'} | ${true}
    ${'payment delay 31 days'}           | ${{ avg_payment_delay: 31 }}               | ${'payment_delay'}   | ${true}
    ${'payment delay 30 days'}           | ${{ avg_payment_delay: 30 }}               | ${'payment_delay'}   | ${false}
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
  expect([0, 7, 7.5, 30, 31, undefined].map(paymentHealth)).toEqual(['good', 'good', 'fair', 'fair', 'poor', undefined]);
});

test('days inactive is never negative', () => {
  expect(daysInactive(profileOf({ last_active_date: day(5) }), TODAY)).toBe(0);
});

test('weakest component is the largest weighted shortfall', () => {
  expect(weakestComponent(profileOf().health.breakdown)?.component).toBe('Support');
  expect(weakestComponent([{ component: 'a', score: 10, weight: 0.1 }, { component: 'b', score: 40, weight: 0.9 }])?.component).toBe('b');
  expect(weakestComponent([])).toBeUndefined();
});

test('ARR growth keeps the label of the column it came from', () => {
  expect(arrGrowth(profileOf())).toEqual({ value: 15, period: 'yoy' });
  expect(arrGrowth(profileOf({ arr_growth_yoy: null }))).toEqual({ value: 2.04, period: 'mom' });
  expect(arrGrowth(profileOf({ arr_growth_yoy: null, arr_growth_mom: null }))).toBeUndefined();
  expect(acmeRow.arr_growth_yoy).toBe(15);
});
