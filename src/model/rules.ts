/** Business rules: pure functions of a (redacted) profile, thresholds and today's date. */
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
} from './constants';
import { dateMs } from './coerce';
import type { Alert, CustomerProfile, HealthComponent, IsoDate, Thresholds } from './types';

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
export function daysUntil(date: IsoDate | undefined, today: Date): number | undefined {
  if (!date) return undefined;
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const target = dateMs(date);
  const targetDay = Date.UTC(
    new Date(target).getUTCFullYear(),
    new Date(target).getUTCMonth(),
    new Date(target).getUTCDate(),
  );
  return Math.round((targetDay - start) / MS_PER_DAY);
}

/** The renewal date, falling back to the contract end date. */
export const renewalDateOf = (profile: CustomerProfile): IsoDate | undefined =>
  profile.renewal.renewalDate ?? profile.renewal.contractEndDate;

export const daysToRenewal = (profile: CustomerProfile, today: Date) => daysUntil(renewalDateOf(profile), today);

/** The last sign of life: product usage, falling back to the last interaction. */
export const lastActiveDateOf = (profile: CustomerProfile): IsoDate | undefined =>
  profile.products.lastActiveDate ?? profile.activity.lastInteractionDate;

export function daysInactive(profile: CustomerProfile, today: Date): number | undefined {
  const days = daysUntil(lastActiveDateOf(profile), today);
  return days === undefined ? undefined : Math.max(0, -days);
}

/** Good up to a week late on average, Fair up to a month, Poor beyond. */
export function paymentHealth(avgPaymentDelay: number | undefined): PaymentHealth | undefined {
  if (avgPaymentDelay === undefined) return undefined;
  if (avgPaymentDelay <= PAYMENT_HEALTH_LIMITS.good) return PAYMENT_HEALTH.good;
  if (avgPaymentDelay <= PAYMENT_HEALTH_LIMITS.fair) return PAYMENT_HEALTH.fair;
  return PAYMENT_HEALTH.poor;
}

/**
 * Active alerts, most severe first. Computed from the redacted profile, so an alert never reveals a value the
 * viewer may not see (with financial data off there is no payment-delay alert).
 */
export function computeAlerts(profile: CustomerProfile, thresholds: Thresholds, today: Date): Alert[] {
  const alerts: Alert[] = [];
  const { score, churnRisk } = profile.health;
  if (score !== undefined && score < thresholds.healthCritical)
    alerts.push({
      kind: ALERT_KIND.healthCritical,
      severity: SEVERITY.critical,
      value: score,
      threshold: thresholds.healthCritical,
    });
  const renewal = daysToRenewal(profile, today);
  if (renewal !== undefined && renewal >= 0 && renewal <= thresholds.renewalUrgentDays)
    alerts.push({
      kind: ALERT_KIND.renewalUrgent,
      severity: renewal <= thresholds.renewalUrgentDays / 2 ? SEVERITY.critical : SEVERITY.warning,
      value: renewal,
      threshold: thresholds.renewalUrgentDays,
    });
  if (churnRisk !== undefined && churnRisk >= thresholds.churnRiskHigh)
    alerts.push({
      kind: ALERT_KIND.churnRisk,
      severity: SEVERITY.critical,
      value: churnRisk,
      threshold: thresholds.churnRiskHigh,
    });
  const inactive = daysInactive(profile, today);
  if (inactive !== undefined && inactive > thresholds.inactivityAlertDays)
    alerts.push({
      kind: ALERT_KIND.inactivity,
      severity: SEVERITY.warning,
      value: inactive,
      threshold: thresholds.inactivityAlertDays,
    });
  const delay = profile.revenue?.avgPaymentDelay;
  if (delay !== undefined && delay > thresholds.paymentDelayAlertDays)
    alerts.push({
      kind: ALERT_KIND.paymentDelay,
      severity: SEVERITY.warning,
      value: delay,
      threshold: thresholds.paymentDelayAlertDays,
    });
  // Stable sort: within a severity, the order above (health, renewal, churn, inactivity, payment).
  return alerts.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

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

/** ARR growth and the period it covers, as the columns say: YoY preferred, MoM otherwise. Never relabelled. */
export function arrGrowth(profile: CustomerProfile): { value: number; period: 'yoy' | 'mom' } | undefined {
  const revenue = profile.revenue;
  if (revenue?.arrGrowthYoy !== undefined) return { value: revenue.arrGrowthYoy, period: 'yoy' };
  if (revenue?.arrGrowthMom !== undefined) return { value: revenue.arrGrowthMom, period: 'mom' };
  return undefined;
}
