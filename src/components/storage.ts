/**
 * Browser storage for the watchlist and local edits. Every call is guarded: storage may be missing (privacy mode,
 * sandboxed iframes), full, or hold a malformed entry, and none of that may break the chart.
 */
const PREFIX = 'customer-profile-360';

export type StorageResult<T> = { ok: true; value: T } | { ok: false; reason: 'unavailable' | 'full' | 'malformed' };

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

const keyOf = (kind: string, customerId: string) => `${PREFIX}:${kind}:${customerId}`;

export function readEntry<T>(
  kind: string,
  customerId: string,
  isValid: (value: unknown) => value is T,
): StorageResult<T | undefined> {
  const store = storage();
  if (!store) return { ok: false, reason: 'unavailable' };
  try {
    const text = store.getItem(keyOf(kind, customerId));
    if (text === null) return { ok: true, value: undefined };
    const value: unknown = JSON.parse(text);
    return isValid(value) ? { ok: true, value } : { ok: false, reason: 'malformed' };
  } catch (error) {
    return { ok: false, reason: error instanceof SyntaxError ? 'malformed' : 'unavailable' };
  }
}

export function writeEntry(kind: string, customerId: string, value: unknown): StorageResult<true> {
  const store = storage();
  if (!store) return { ok: false, reason: 'unavailable' };
  try {
    if (value === undefined) store.removeItem(keyOf(kind, customerId));
    else store.setItem(keyOf(kind, customerId), JSON.stringify(value));
    return { ok: true, value: true };
  } catch (error) {
    const name = (error as { name?: string })?.name;
    return { ok: false, reason: name === 'QuotaExceededError' ? 'full' : 'unavailable' };
  }
}
