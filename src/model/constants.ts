/** Enumerations of the model, as `as const` objects plus their unions. */

export const TAB_IDS = ['overview', 'products', 'revenue', 'health', 'activity', 'contacts', 'documents'] as const;
export type TabId = (typeof TAB_IDS)[number];

export const HEALTH_STATUS = {
  healthy: 'healthy',
  atRisk: 'at-risk',
  critical: 'critical',
} as const;
export type HealthStatus = (typeof HEALTH_STATUS)[keyof typeof HEALTH_STATUS];

export const ALERT_KIND = {
  healthCritical: 'health_critical',
  renewalUrgent: 'renewal_urgent',
  churnRisk: 'churn_risk',
  inactivity: 'inactivity',
  paymentDelay: 'payment_delay',
} as const;
export type AlertKind = (typeof ALERT_KIND)[keyof typeof ALERT_KIND];

export const SEVERITY = { critical: 'critical', warning: 'warning', info: 'info' } as const;
export type Severity = (typeof SEVERITY)[keyof typeof SEVERITY];
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export const PAYMENT_HEALTH = { good: 'good', fair: 'fair', poor: 'poor' } as const;
export type PaymentHealth = (typeof PAYMENT_HEALTH)[keyof typeof PAYMENT_HEALTH];

export const ACTIVITY_TYPES = ['meeting', 'call', 'email', 'ticket', 'note', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const DOCUMENT_TYPES = ['contract', 'proposal', 'invoice', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Average payment delay (days) up to which payment health is Good, and up to which it is Fair. */
export const PAYMENT_HEALTH_LIMITS = { good: 7, fair: 30 } as const;

export const MS_PER_DAY = 86_400_000;
