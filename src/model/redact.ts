/**
 * Permission redaction, done in the model: what the control panel hides is deleted before anything can render or
 * export it. Hidden in the DOM is not hidden.
 */
import { FINANCIAL_COLUMNS, SENSITIVE_COLUMNS } from './columns';
import type { Contact, CustomerProfile } from './types';

export interface Permissions {
  showFinancialData: boolean;
  showSensitiveData: boolean;
}

/** The contract columns the permissions hide: not queried, not required, and no issue reported about them. */
export function hiddenColumns({ showFinancialData, showSensitiveData }: Permissions): Set<string> {
  return new Set<string>([
    ...(showFinancialData ? [] : FINANCIAL_COLUMNS),
    ...(showSensitiveData ? [] : SENSITIVE_COLUMNS),
  ]);
}

const SENSITIVE_PROFILE_KEYS = ['legalName', 'inn', 'address', 'phone', 'email'] as const;
const SENSITIVE_CONTACT_KEYS = ['email', 'phone'] as const;

/** Sensitive keys in a detail item's extra keys too: a contact's "mobile" or "personal_email" is still personal. */
const SENSITIVE_EXTRA = /(e-?mail|phone|mobile|inn|tax|address|passport|ssn|birth)/i;

function redactContact(contact: Contact): Contact {
  const copy: Contact = { ...contact };
  SENSITIVE_CONTACT_KEYS.forEach(key => delete copy[key]);
  if (copy.extra) {
    const extra = Object.fromEntries(Object.entries(copy.extra).filter(([key]) => !SENSITIVE_EXTRA.test(key)));
    if (Object.keys(extra).length) copy.extra = extra;
    else delete copy.extra;
  }
  return copy;
}

/** Returns a new profile without what the permissions hide. The input is not changed. */
export function redactProfile(profile: CustomerProfile, permissions: Permissions): CustomerProfile {
  const copy: CustomerProfile = { ...profile, csm: { ...profile.csm } };
  if (!permissions.showFinancialData) delete copy.revenue;
  if (!permissions.showSensitiveData) {
    SENSITIVE_PROFILE_KEYS.forEach(key => delete copy[key]);
    delete copy.csm.phone;
    copy.contacts = profile.contacts.map(redactContact);
  }
  return copy;
}
