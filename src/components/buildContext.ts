import { computeFacts } from '../model/facts';
import type { CustomerProfile } from '../model/types';
import type { ResolvedOptions } from '../plugin/formData';
import type { Tokens } from '../theme/tokens';
import type { ProfileContextValue } from './context';
import { createFormatters } from './format';

/** The panels' context for one customer: facts and alerts computed from the redacted profile, formatters from the options. */
export function buildContextValue(
  profile: CustomerProfile,
  { display, thresholds, permissions }: ResolvedOptions,
  tokens: Tokens,
  today: Date,
  compact: boolean,
): ProfileContextValue {
  const facts = computeFacts(profile, thresholds, today);
  return {
    profile,
    facts,
    alerts: facts.alerts,
    display,
    thresholds,
    permissions,
    format: createFormatters(display.numberFormat, display.currency, display.dateFormat),
    tokens,
    today,
    compact,
  };
}
