/**
 * Facts: every figure the view shows that is worked out rather than read, computed once from the (redacted) profile,
 * the thresholds and today's date. Components format and lay out facts; they never compare with a threshold,
 * average, or choose between two sources themselves, so one figure shown in two places cannot disagree.
 *
 * Precedence, one rule everywhere: a summary column the dataset computed wins over what the chart can work out from
 * a detail list, because the dataset sees every row while a detail list may be cut or partial. Each fact records the
 * contract column it came from.
 */
import {
  ALERT_KIND,
  HEALTH_STATUS,
  HealthStatus,
  MS_PER_DAY,
  PAYMENT_HEALTH,
  PAYMENT_HEALTH_LIMITS,
  PaymentHealth,
  SEVERITY,
  SEVERITY_RANK,
  Severity,
} from './constants';
import { dateMs } from './coerce';
import type { Alert, CustomerProfile, HealthComponent, IsoDate, Payment, Thresholds } from './types';

/** A worked-out value and the contract column it was taken from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

export type RenewalState = 'overdue' | 'today' | 'urgent' | 'upcoming';
export type Lateness = 'on-time' | 'late' | 'very-late';

export interface RenewalFact {
  date: IsoDate;
  source: 'renewal_date' | 'contract_end_date';
  /** Whole days from today; negative when it has passed. */
  days: number;
  state: RenewalState;
}

export interface ComponentFact {
  component: HealthComponent;
  status?: HealthStatus;
  /** The weight as a percent, on one scale for the whole breakdown. */
  weightPercent?: number;
}

export interface HealthFacts {
  score?: number;
  status?: HealthStatus;
  components: ComponentFact[];
  /** The component that pulls the score down most, when one does (its score is below 100). */
  weakest?: HealthComponent & { score: number };
}

export interface ChurnFact {
  score: number;
  high: boolean;
}

export interface ProductFacts {
  count?: Sourced<number>;
  names: string[];
  namesSource?: 'active_products' | 'product_usage';
  adoption?: Sourced<number>;
}

export interface InactivityFact {
  lastActive: Sourced<IsoDate>;
  days: number;
  alert: boolean;
}

export interface PaymentFacts {
  avgDelay?: Sourced<number>;
  health?: PaymentHealth;
  /** Payments with a known delay, and how many of them were on time (not late at all). */
  timed: number;
  onTime: number;
  late: number;
  /** Lateness of each payment, in the payments' order (undefined: delay unknown). */
  lateness: (Lateness | undefined)[];
}

export interface ArrGrowthFact extends Sourced<number> {
  period: 'yoy' | 'mom';
}

export interface ProfileFacts {
  health: HealthFacts;
  churn?: ChurnFact;
  renewal?: RenewalFact;
  products: ProductFacts;
  inactivity?: InactivityFact;
  /** Absent when financial data is hidden. */
  payments?: PaymentFacts;
  arrGrowth?: ArrGrowthFact;
  /** Active alerts, most severe first, built from the facts above. */
  alerts: Alert[];
}

/** Today as a Date: a Date is taken as it is, a YYYY-MM-DD string as that UTC day. */
export function toDay(today: Date | string): Date {
  return typeof today === 'string' ? new Date(`${today.slice(0, 10)}T00:00:00Z`) : today;
}

/** Below critical -> critical; below at-risk -> at-risk; else healthy. */
export function healthStatus(
  score: number | undefined,
  { healthCritical, healthAtRisk }: Pick<Thresholds, 'healthCritical' | 'healthAtRisk'>,
): HealthStatus | undefined {
  if (score === undefined) return undefined;
  if (score < healthCritical) return HEALTH_STATUS.critical;
  if (score < healthAtRisk) return HEALTH_STATUS.atRisk;
  return HEALTH_STATUS.healthy;
}

/** Whole calendar days from today (UTC) to the date; negative when it has passed. */
export function daysUntil(date: IsoDate | undefined, today: Date | string): number | undefined {
  if (!date) return undefined;
  const day = toDay(today);
  const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const target = new Date(dateMs(date));
  const targetDay = Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), target.getUTCDate());
  return Math.round((targetDay - start) / MS_PER_DAY);
}

/** Good up to a week late on average, Fair up to a month, Poor beyond. */
export function paymentHealth(avgPaymentDelay: number | undefined): PaymentHealth | undefined {
  if (avgPaymentDelay === undefined) return undefined;
  if (avgPaymentDelay <= PAYMENT_HEALTH_LIMITS.good) return PAYMENT_HEALTH.good;
  if (avgPaymentDelay <= PAYMENT_HEALTH_LIMITS.fair) return PAYMENT_HEALTH.fair;
  return PAYMENT_HEALTH.poor;
}

/** The first source that has a value, with its name. */
function firstOf<T>(...candidates: [string, T | undefined][]): Sourced<T> | undefined {
  const found = candidates.find(([, value]) => value !== undefined);
  return found && { value: found[1] as T, source: found[0] };
}

const mean = (values: readonly (number | undefined)[]): number | undefined => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? known.reduce((sum, v) => sum + v, 0) / known.length : undefined;
};

/**
 * The component that pulls the score down most: the largest weighted shortfall from 100.
 * Weights may be fractions or percentages; a missing weight counts as equal weight.
 */
export function weakestComponent(breakdown: readonly HealthComponent[]): HealthComponent | undefined {
  let worst: HealthComponent | undefined;
  let worstGap = -1;
  breakdown.forEach(component => {
    if (component.score === undefined) return;
    const gap = (100 - component.score) * (component.weight ?? 1);
    if (gap > worstGap) {
      worst = component;
      worstGap = gap;
    }
  });
  return worst;
}

function healthFacts(profile: CustomerProfile, thresholds: Thresholds): HealthFacts {
  const { score, breakdown } = profile.health;
  // Weights may come as fractions (0.3) or percentages (30): one scale for the whole list, decided by its values.
  const asPercent = breakdown.some(c => c.weight !== undefined && c.weight > 1);
  const weakest = weakestComponent(breakdown);
  return {
    score,
    status: healthStatus(score, thresholds),
    components: breakdown.map(component => ({
      component,
      status: healthStatus(component.score, thresholds),
      weightPercent: component.weight === undefined ? undefined : asPercent ? component.weight : component.weight * 100,
    })),
    weakest:
      weakest?.score !== undefined && weakest.score < 100
        ? (weakest as HealthComponent & { score: number })
        : undefined,
  };
}

/** The first dated source, and whole days from today to it. */
function firstDate(today: Date, ...candidates: [string, IsoDate | undefined][]) {
  const date = firstOf<IsoDate>(...candidates);
  const days = daysUntil(date?.value, today);
  return date && days !== undefined ? { date, days } : undefined;
}

function renewalFact(profile: CustomerProfile, thresholds: Thresholds, today: Date): RenewalFact | undefined {
  const found = firstDate(
    today,
    ['renewal_date', profile.renewal.renewalDate],
    ['contract_end_date', profile.renewal.contractEndDate],
  );
  if (!found) return undefined;
  const { date, days } = found;
  let state: RenewalState = 'upcoming';
  if (days < 0) state = 'overdue';
  else if (days === 0) state = 'today';
  else if (days <= thresholds.renewalUrgentDays) state = 'urgent';
  return { date: date.value, source: date.source as RenewalFact['source'], days, state };
}

/**
 * Products: `product_count` wins; otherwise the names' count. Names come from `active_products` (the dataset's
 * own list), otherwise from the `product_usage` rows; without `product_count` the count is that list's length
 * (usage rows count even without a name), so the count and the names always agree.
 */
function productFacts(profile: CustomerProfile): ProductFacts {
  const { active, usage, count, avgFeatureAdoption } = profile.products;
  const fromUsage = usage.map(p => p.productName).filter((n): n is string => !!n);
  const names = active.length ? active : fromUsage;
  const namesSource = active.length ? 'active_products' : usage.length ? 'product_usage' : undefined;
  return {
    count: firstOf<number>(
      ['product_count', count],
      ['active_products', active.length || undefined],
      ['product_usage', usage.length || undefined],
    ),
    names,
    ...(namesSource ? { namesSource } : {}),
    adoption: firstOf<number>(
      ['avg_feature_adoption', avgFeatureAdoption],
      ['product_usage', mean(usage.map(p => p.featureAdoption))],
    ),
  };
}

/** The last sign of life: product usage, falling back to the last interaction. */
function inactivityFact(profile: CustomerProfile, thresholds: Thresholds, today: Date): InactivityFact | undefined {
  const found = firstDate(
    today,
    ['last_active_date', profile.products.lastActiveDate],
    ['last_interaction_date', profile.activity.lastInteractionDate],
  );
  if (!found) return undefined;
  const days = Math.max(0, -found.days);
  return { lastActive: found.date, days, alert: days > thresholds.inactivityAlertDays };
}

function lateness(payment: Payment, thresholds: Thresholds): Lateness | undefined {
  if (payment.daysLate === undefined) return undefined;
  if (payment.daysLate <= 0) return 'on-time';
  return payment.daysLate > thresholds.paymentDelayAlertDays ? 'very-late' : 'late';
}

/** Average delay: `avg_payment_delay` wins; otherwise the payments' delays, early payments counting as on time. */
function paymentFacts(profile: CustomerProfile, thresholds: Thresholds): PaymentFacts | undefined {
  const revenue = profile.revenue;
  if (!revenue) return undefined;
  const delays = revenue.payments.map(p => p.daysLate).filter((d): d is number => d !== undefined);
  const onTime = delays.filter(d => d <= 0).length;
  const avgDelay = firstOf<number>(
    ['avg_payment_delay', revenue.avgPaymentDelay],
    ['payments', mean(delays.map(d => Math.max(0, d)))],
  );
  return {
    avgDelay,
    health: paymentHealth(avgDelay?.value),
    timed: delays.length,
    onTime,
    late: delays.length - onTime,
    lateness: revenue.payments.map(p => lateness(p, thresholds)),
  };
}

/** ARR growth and the period it covers, as the columns say: YoY preferred, MoM otherwise. Never relabelled. */
function arrGrowthFact(profile: CustomerProfile): ArrGrowthFact | undefined {
  const growth = firstOf<number>(
    ['arr_growth_yoy', profile.revenue?.arrGrowthYoy],
    ['arr_growth_mom', profile.revenue?.arrGrowthMom],
  );
  return growth && { ...growth, period: growth.source === 'arr_growth_yoy' ? 'yoy' : 'mom' };
}

function alertsOf(facts: Omit<ProfileFacts, 'alerts'>, thresholds: Thresholds): Alert[] {
  const alerts: Alert[] = [];
  const add = (kind: Alert['kind'], severity: Severity, value: number, threshold: number) =>
    alerts.push({ kind, severity, value, threshold });
  const { health, renewal, churn, inactivity, payments } = facts;
  if (health.status === HEALTH_STATUS.critical && health.score !== undefined)
    add(ALERT_KIND.healthCritical, SEVERITY.critical, health.score, thresholds.healthCritical);
  if (renewal && renewal.state !== 'overdue' && renewal.state !== 'upcoming')
    add(
      ALERT_KIND.renewalUrgent,
      renewal.days <= thresholds.renewalUrgentDays / 2 ? SEVERITY.critical : SEVERITY.warning,
      renewal.days,
      thresholds.renewalUrgentDays,
    );
  if (churn?.high) add(ALERT_KIND.churnRisk, SEVERITY.critical, churn.score, thresholds.churnRiskHigh);
  if (inactivity?.alert) add(ALERT_KIND.inactivity, SEVERITY.warning, inactivity.days, thresholds.inactivityAlertDays);
  const delay = payments?.avgDelay?.value;
  if (delay !== undefined && delay > thresholds.paymentDelayAlertDays)
    add(ALERT_KIND.paymentDelay, SEVERITY.warning, delay, thresholds.paymentDelayAlertDays);
  // Stable sort: within a severity, the order above (health, renewal, churn, inactivity, payment).
  return alerts.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/**
 * The facts of one customer. Computed from the redacted profile, so no fact (and no alert) reveals a value the
 * viewer may not see: with financial data off there are no payment facts and no payment-delay alert.
 */
export function computeFacts(profile: CustomerProfile, thresholds: Thresholds, today: Date | string): ProfileFacts {
  const day = toDay(today);
  const { churnRisk } = profile.health;
  const facts: Omit<ProfileFacts, 'alerts'> = {
    health: healthFacts(profile, thresholds),
    ...(churnRisk === undefined ? {} : { churn: { score: churnRisk, high: churnRisk >= thresholds.churnRiskHigh } }),
    renewal: renewalFact(profile, thresholds, day),
    products: productFacts(profile),
    inactivity: inactivityFact(profile, thresholds, day),
    payments: paymentFacts(profile, thresholds),
    arrGrowth: arrGrowthFact(profile),
  };
  return { ...facts, alerts: alertsOf(facts, thresholds) };
}

/** Active alerts, most severe first: the alerts of the facts. */
export const computeAlerts = (profile: CustomerProfile, thresholds: Thresholds, today: Date | string): Alert[] =>
  computeFacts(profile, thresholds, today).alerts;
