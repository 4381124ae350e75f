/**
 * Browser storage for the watchlist and local edits. Every call is guarded: storage may be missing (privacy mode,
 * sandboxed iframes), full, or hold a malformed entry, and none of that may break the chart.
 *
 * Whose entry it is: a key names the signed-in user and the chart's dataset besides the customer,
 * `customer-profile-360:v2:{watchlist|edits}:<user id>:<dataset>:<customer id>` (each part URL-encoded, so no id can
 * reach into another part), so the next user of a shared browser, and another dataset whose customer has the same id,
 * never read it. A viewer Superset gives no user id (anonymous on a public dashboard, a guest of an embedded one) has
 * nothing read and nothing stored: their changes last until the page is closed.
 *
 * Entries of the first format, `customer-profile-360:{watchlist|edits}:<customer id>`, are never read: nobody can tell
 * whose they are, so they are shown to no one. They are not deleted either (the typist's only copy of their notes);
 * clearing the site's data in the browser removes them.
 */
const PREFIX = 'customer-profile-360:v2';

export type StorageProblem = 'unavailable' | 'full' | 'malformed' | 'signed-out' | 'no-dataset';
export type StorageResult<T> = { ok: true; value: T } | { ok: false; reason: StorageProblem };

/** One entry: which kind, in the chart of which dataset (`formData.datasource`, "12__table"), for which customer. */
export interface EntryRef {
  kind: 'watchlist' | 'edits';
  dataset: string | undefined;
  customerId: string;
}

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

let lastBootstrap: { text: string | null; userId: string | undefined } | undefined;

/**
 * The signed-in user's id from Superset's bootstrap data, where its own getBootstrapData reads it (`#app`'s
 * `data-bootstrap`, JSON, `user.userId`). Superset sends no `userId` for an anonymous viewer (`user: {}`) nor for a
 * guest of an embedded dashboard (a name from the guest token, which the embedding page chooses): both are nobody.
 */
export function signedInUserId(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const text = document.getElementById('app')?.getAttribute('data-bootstrap') ?? null;
  if (lastBootstrap?.text === text) return lastBootstrap.userId;
  let userId: string | undefined;
  try {
    const user = text ? JSON.parse(text)?.user : undefined;
    const id: unknown = user?.isAnonymous === true ? undefined : user?.userId;
    if (typeof id === 'number' && Number.isFinite(id)) userId = String(id);
    else if (typeof id === 'string' && id.trim() !== '') userId = id;
  } catch {
    // Unreadable bootstrap data: nobody is known to be signed in.
  }
  lastBootstrap = { text, userId };
  return userId;
}

/** The entry's key, or why there is none: nobody signed in, or no dataset to keep it under. */
function keyOf({ kind, dataset, customerId }: EntryRef): { key: string } | { problem: StorageProblem } {
  const userId = signedInUserId();
  if (userId === undefined) return { problem: 'signed-out' };
  if (!dataset) return { problem: 'no-dataset' };
  return { key: [PREFIX, ...[kind, userId, dataset, customerId].map(encodeURIComponent)].join(':') };
}

export function readEntry<T>(ref: EntryRef, isValid: (value: unknown) => value is T): StorageResult<T | undefined> {
  const entry = keyOf(ref);
  // Nothing is kept for this viewer, so there is nothing of theirs to read; saving says why.
  if (!('key' in entry)) return { ok: true, value: undefined };
  const store = storage();
  if (!store) return { ok: false, reason: 'unavailable' };
  try {
    const text = store.getItem(entry.key);
    if (text === null) return { ok: true, value: undefined };
    const value: unknown = JSON.parse(text);
    return isValid(value) ? { ok: true, value } : { ok: false, reason: 'malformed' };
  } catch (error) {
    return { ok: false, reason: error instanceof SyntaxError ? 'malformed' : 'unavailable' };
  }
}

export function writeEntry(ref: EntryRef, value: unknown): StorageResult<true> {
  const entry = keyOf(ref);
  if (!('key' in entry)) return { ok: false, reason: entry.problem };
  const store = storage();
  if (!store) return { ok: false, reason: 'unavailable' };
  try {
    if (value === undefined) store.removeItem(entry.key);
    else store.setItem(entry.key, JSON.stringify(value));
    return { ok: true, value: true };
  } catch (error) {
    const name = (error as { name?: string })?.name;
    return { ok: false, reason: name === 'QuotaExceededError' ? 'full' : 'unavailable' };
  }
}
