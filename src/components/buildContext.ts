import { computeAlerts } from '../model/rules';
import type { CustomerProfile } from '../model/types';
import type { ResolvedOptions } from '../plugin/formData';
import type { Tokens } from '../theme/tokens';
import type { ProfileContextValue } from './context';
import { createFormatters } from './format';

/** The panels' context for one customer: alerts computed from the redacted profile, formatters from the options. */
export function buildContextValue(
  profile: CustomerProfile,
  { display, thresholds, permissions }: ResolvedOptions,
  tokens: Tokens,
  today: Date,
  compact: boolean,
): ProfileContextValue {
  return {
    profile,
    alerts: computeAlerts(profile, thresholds, today),
    display,
    thresholds,
    permissions,
    format: createFormatters(display.numberFormat, display.currency, display.dateFormat),
    tokens,
    today,
    compact,
  };
}
