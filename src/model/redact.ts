/**
 * Permission redaction, done in the model: what the control panel hides is deleted before anything can render or
 * export it. Hidden in the DOM is not hidden.
 */
import { DETAIL_COLUMNS, FINANCIAL_COLUMNS, GUARDED_FIELDS, Guard, SCALAR_COLUMNS, SENSITIVE_COLUMNS } from './columns';
import type { CustomerProfile } from './types';

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

/**
 * Keys beyond the contract that look personal, in any detail column's items: a contact's "mobile" or
 * "personal_email", an activity's "contact_email", a document's "signer_email" are personal whatever column carries
 * them. The contract cannot name every such key, so they go by their look.
 */
const SENSITIVE_EXTRA = /(e-?mail|phone|mobile|inn|tax|address|passport|ssn|birth)/i;

/** A kept extra value without the keys that look personal, at any depth (`{ signer: { email } }` too). */
function withoutPersonalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SENSITIVE_EXTRA.test(key))
      .map(([key, v]) => [key, withoutPersonalKeys(v)]),
  );
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Replaces the value at a dotted path of the copy (undefined deletes it), copying each object on the way so the
 * input is never changed.
 */
function updateAt(root: Record<string, unknown>, path: string, update: (value: unknown) => unknown) {
  const keys = path.split('.');
  const parents: Record<string, unknown>[] = [root];
  for (let i = 0; i < keys.length - 1; i += 1) {
    const child = parents[i][keys[i]];
    if (!child || typeof child !== 'object') return;
    const copy = { ...(child as Record<string, unknown>) };
    parents[i][keys[i]] = copy;
    parents.push(copy);
  }
  const last = keys.length - 1;
  const next = update(parents[last][keys[last]]);
  if (next !== undefined) {
    parents[last][keys[last]] = next;
    return;
  }
  delete parents[last][keys[last]];
}

const ALL_COLUMNS = [...SCALAR_COLUMNS, ...DETAIL_COLUMNS];
/** The model's groups (csm, revenue ...) and the contract columns placed in each. */
const GROUP_COLUMNS = new Map<string, string[]>();
ALL_COLUMNS.forEach(({ column, model }) => {
  const [group, ...rest] = model.split('.');
  if (rest.length) GROUP_COLUMNS.set(group, [...(GROUP_COLUMNS.get(group) ?? []), column]);
});

/** The item without the guarded keys, and (`extraToo`) without the personal-looking extra keys. */
function redactItem(item: unknown, keys: readonly string[], extraToo: boolean): unknown {
  if (!item || typeof item !== 'object') return item;
  const source = item as Record<string, unknown>;
  const personalExtra = extraToo && !!source.extra && typeof source.extra === 'object';
  if (!personalExtra && !keys.some(key => key in source)) return item;
  const copy = { ...source };
  keys.forEach(key => delete copy[key]);
  if (personalExtra) {
    const extra = withoutPersonalKeys(copy.extra) as Record<string, unknown>;
    if (Object.keys(extra).length) copy.extra = extra;
    else delete copy.extra;
  }
  return copy;
}

/**
 * Returns a new profile without what the permissions hide. The input is not changed. What is hidden comes from the
 * contract table (columns.ts): its guarded columns, and its guarded keys inside detail items.
 */
export function redactProfile(profile: CustomerProfile, permissions: Permissions): CustomerProfile {
  const hidden = hiddenColumns(permissions);
  const copy = { ...profile } as unknown as Record<string, unknown>;
  ALL_COLUMNS.forEach(spec => {
    // A merged column (contact_details) has no place of its own: what it brought lives in the fields of the list it
    // joined, which are guarded there with the same guards and removed below.
    if (hidden.has(spec.column) && !('mergeBy' in spec)) updateAt(copy, spec.model, () => undefined);
  });
  // A group whose every column is hidden goes as a whole: with financial data off there is no `revenue` at all.
  GROUP_COLUMNS.forEach((columns, group) => {
    if (columns.every(column => hidden.has(column))) delete copy[group];
  });
  const hiddenGuards = new Set<Guard>([
    ...(permissions.showFinancialData ? [] : ['financial' as const]),
    ...(permissions.showSensitiveData ? [] : ['sensitive' as const]),
  ]);
  // Every list that stays: its guarded keys, and with sensitive data off the extra keys that look personal, whichever
  // column it is (an activity's "contact_email" as much as a contact's "mobile").
  const extraToo = hiddenGuards.has('sensitive');
  DETAIL_COLUMNS.forEach(spec => {
    if ('mergeBy' in spec || hidden.has(spec.column)) return;
    const keys = GUARDED_FIELDS.filter(f => f.column === spec.column && hiddenGuards.has(f.guard)).map(f =>
      camel(f.key),
    );
    if (keys.length || extraToo)
      updateAt(copy, spec.model, list =>
        Array.isArray(list) ? list.map(item => redactItem(item, keys, extraToo)) : list,
      );
  });
  return copy as unknown as CustomerProfile;
}
