/** Labels of the model's enumerations, translated at call time (never at import time). */
import { t } from '.';
import type { ActivityType, AlertKind, DocumentType, HealthStatus, PaymentHealth, TabId } from '../model/constants';

export function tabTitle(tab: TabId): string {
  switch (tab) {
    case 'overview':
      return t('Overview');
    case 'products':
      return t('Products & Usage');
    case 'revenue':
      return t('Revenue History');
    case 'health':
      return t('Health & Risk');
    case 'activity':
      return t('Activity Timeline');
    case 'contacts':
      return t('Contacts');
    case 'documents':
      return t('Documents');
    default:
      return tab;
  }
}

export function healthStatusLabel(status: HealthStatus): string {
  switch (status) {
    case 'critical':
      return t('Critical');
    case 'at-risk':
      return t('At risk');
    default:
      return t('Healthy');
  }
}

export function paymentHealthLabel(health: PaymentHealth): string {
  switch (health) {
    case 'good':
      return t('Good');
    case 'fair':
      return t('Fair');
    default:
      return t('Poor');
  }
}

export function activityTypeLabel(type: ActivityType): string {
  switch (type) {
    case 'meeting':
      return t('Meetings');
    case 'call':
      return t('Calls');
    case 'email':
      return t('Emails');
    case 'ticket':
      return t('Tickets');
    case 'note':
      return t('Notes');
    default:
      return t('Other');
  }
}

/** One event's type, in the singular (the filter uses the plural category names from i18n/labels). */
export function eventTypeLabel(type: ActivityType): string {
  switch (type) {
    case 'meeting':
      return t('Meeting');
    case 'call':
      return t('Call');
    case 'email':
      return t('Email');
    case 'ticket':
      return t('Ticket');
    case 'note':
      return t('Note');
    default:
      return t('Other');
  }
}

export function documentTypeLabel(type: DocumentType): string {
  switch (type) {
    case 'contract':
      return t('Contracts');
    case 'proposal':
      return t('Proposals');
    case 'invoice':
      return t('Invoices');
    default:
      return t('Other documents');
  }
}

/** The alert's sentence and the rule behind it. */
export function alertText(kind: AlertKind, value: number): string {
  switch (kind) {
    case 'health_critical':
      return t('Health score critical (%s)', value);
    case 'renewal_urgent':
      return value === 0 ? t('Renewal today') : t('Renewal in %s days', value);
    case 'churn_risk':
      return t('High churn risk (%s)', value);
    case 'inactivity':
      return t('No activity for %s days', value);
    default:
      return t('Pays %s days late on average', value);
  }
}

export function alertRule(kind: AlertKind, value: number, threshold: number): string {
  switch (kind) {
    case 'health_critical':
      return t('Health score %s is below the critical threshold %s', value, threshold);
    case 'renewal_urgent':
      return t('Renewal in %s days is within the urgent window of %s days', value, threshold);
    case 'churn_risk':
      return t('Churn risk %s is at or above the high threshold %s', value, threshold);
    case 'inactivity':
      return t('%s days without activity is more than the %s-day limit', value, threshold);
    default:
      return t('Average payment delay of %s days is above the %s-day limit', value, threshold);
  }
}
