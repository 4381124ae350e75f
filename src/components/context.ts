import { createContext, useContext } from 'react';
import type { Alert, CustomerProfile, Thresholds } from '../model/types';
import type { ProfileFacts } from '../model/facts';
import type { Permissions } from '../model/redact';
import type { DisplayOptions } from '../plugin/formData';
import type { Tokens } from '../theme/tokens';
import type { Formatters } from './format';
import type { LocalEdits } from './useBrowserState';

/** Everything a panel needs about the customer shown, already parsed, redacted and resolved. */
export interface ProfileContextValue {
  profile: CustomerProfile;
  /** Every worked-out figure (statuses, counts, averages, days): panels show these and compute none themselves. */
  facts: ProfileFacts;
  alerts: Alert[];
  display: DisplayOptions;
  /** For the labels that name a limit ("the alert limit is 60 days"); comparisons are in the facts. */
  thresholds: Thresholds;
  permissions: Permissions;
  format: Formatters;
  tokens: Tokens;
  today: Date;
  /** Narrow layout: a small dashboard tile. */
  compact: boolean;
  /** The print view: every panel lays out all its content, nothing windowed or folded. */
  printing?: boolean;
  /**
   * Several customers listed on a dashboard with cross-filtering on: the customer's name is a toggle that filters the
   * dashboard by this customer (`active` while it does).
   */
  nameFilter?: NameFilter;
  /** The chart's dataset (`formData.datasource`): the viewer's watchlist and edits are kept per dataset. */
  dataset?: string;
  /** Local edits of this customer (notes, next steps, a few fields), when editing is allowed. */
  edits?: {
    edits: LocalEdits;
    setEdits: (next: LocalEdits) => void;
    discard: () => void;
    problem?: string;
  };
}

export interface NameFilter {
  active: boolean;
  toggle: () => void;
}

export const ProfileContext = createContext<ProfileContextValue | null>(null);

export function useProfile(): ProfileContextValue {
  const value = useContext(ProfileContext);
  if (!value) throw new Error('useProfile outside ProfileContext');
  return value;
}
