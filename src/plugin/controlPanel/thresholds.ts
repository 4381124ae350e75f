/**
 * Thresholds. A value that makes no sense is reported where Superset shows control errors (on the control and its
 * section), not silently corrected: days are never negative, and at-risk must be above critical, or the at-risk
 * band is empty.
 */
import type { ControlPanelSectionConfig, ControlPanelState, ControlState } from '@superset-ui/chart-controls';
import { t } from '../../i18n';
import { DEFAULT_FORM_DATA as d } from '../formData';
import { numberInput } from './controls';

const asNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** A count of days: a whole number, 0 or more. */
export const nonNegativeDays = (value: unknown): string | false => {
  const n = asNumber(value);
  return n === undefined || n < 0 || !Number.isInteger(n) ? t('Enter a whole number of days, 0 or more') : false;
};

/** A score threshold: 0 to 100. */
export const scoreRange = (value: unknown): string | false => {
  const n = asNumber(value);
  return n === undefined || n < 0 || n > 100 ? t('Enter a score from 0 to 100') : false;
};

/** The error of an at-risk threshold that is not above the critical one, or none. */
export function atRiskAboveCritical(atRisk: unknown, critical: unknown): string[] {
  const high = asNumber(atRisk);
  const low = asNumber(critical ?? d.health_critical_threshold);
  return high !== undefined && low !== undefined && high <= low
    ? [t('Must be above the critical threshold (%s)', low)]
    : [];
}

export const thresholdsSection = (): ControlPanelSectionConfig => ({
  label: t('Thresholds'),
  expanded: true,
  controlSetRows: [
    [
      numberInput('health_critical_threshold', t('Health critical'), t('A health score below this is critical'), {
        validators: [scoreRange],
      }),
      numberInput('health_at_risk_threshold', t('Health at-risk'), t('A health score below this is at risk'), {
        validators: [scoreRange],
        // Superset runs this again whenever the critical threshold changes, with the new form data.
        validationDependencies: ['health_critical_threshold'],
        mapStateToProps: (state: ControlPanelState, control: ControlState) => ({
          externalValidationErrors: atRiskAboveCritical(control?.value, state?.form_data?.health_critical_threshold),
        }),
      }),
    ],
    [
      numberInput('renewal_urgent_days', t('Renewal urgent days'), t('Alert when renewal is this close'), {
        validators: [nonNegativeDays],
      }),
      numberInput(
        'inactivity_alert_days',
        t('Inactivity alert days'),
        t('Alert after this many days without activity'),
        {
          validators: [nonNegativeDays],
        },
      ),
    ],
    [
      numberInput('churn_risk_high_threshold', t('Churn risk high'), t('Alert at or above this churn risk'), {
        validators: [scoreRange],
      }),
      numberInput(
        'payment_delay_alert_days',
        t('Payment delay alert days'),
        t('Alert when customers pay this many days late on average'),
        { validators: [nonNegativeDays] },
      ),
    ],
  ],
});
