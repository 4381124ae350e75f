/**
 * Who is signed in, as Superset tells a chart: its bootstrap data on `#app` (`data-bootstrap`, JSON). Superset writes
 * `user` as `bootstrap_user_data` builds it: a signed-in user has `userId`, a guest of an embedded dashboard only a
 * name from its token, an anonymous viewer `{}`.
 */
export const ALICE = { userId: 1, username: 'alice', firstName: 'Alice', lastName: 'A', isActive: true };
export const BOB = { userId: 2, username: 'bob', firstName: 'Bob', lastName: 'B', isActive: true };
export const GUEST = {
  username: 'guest_user',
  firstName: 'Guest',
  lastName: 'User',
  isActive: true,
  isAnonymous: false,
};
export const ANONYMOUS = {};

/** The dataset chartProps gives every chart (`formData.datasource`). */
export const DATASET = '1__table';

/** Puts Superset's bootstrap data on the page with this user (undefined: no bootstrap data at all). */
export function bootstrapUser(user: object | undefined, attribute?: string) {
  document.getElementById('app')?.remove();
  if (user === undefined && attribute === undefined) return;
  const app = document.createElement('div');
  app.id = 'app';
  app.setAttribute('data-bootstrap', attribute ?? JSON.stringify({ user, common: {} }));
  document.body.prepend(app);
}

/** Every test of the file (or describe block) runs with this user signed in. */
export function signedIn(user: object = ALICE) {
  beforeEach(() => bootstrapUser(user));
}

/** The storage key of an entry of the signed-in user (ALICE unless said) on the chart's dataset. */
export const entryKey = (kind: 'watchlist' | 'edits', customerId: string, userId = ALICE.userId, dataset = DATASET) =>
  `customer-profile-360:v2:${kind}:${userId}:${dataset}:${customerId}`;

afterEach(() => document.getElementById('app')?.remove());
