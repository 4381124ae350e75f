import { EntryRef, readEntry, signedInUserId, writeEntry } from '../../src/components/storage';
import { ALICE, ANONYMOUS, BOB, bootstrapUser, GUEST } from '../support/session';

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isText = (v: unknown): v is string => typeof v === 'string';
const watch = (dataset: string | undefined, customerId = 'ACME-001'): EntryRef => ({
  kind: 'watchlist',
  dataset,
  customerId,
});
const keys = () => Object.keys(window.localStorage).sort();

afterEach(() => window.localStorage.clear());

describe('the key names the signed-in user, the dataset and the customer', () => {
  beforeEach(() => bootstrapUser(ALICE));

  it('customer-profile-360:v2:{kind}:<user id>:<dataset>:<customer id>', () => {
    expect(writeEntry(watch('12__table'), true)).toEqual({ ok: true, value: true });
    expect(writeEntry({ kind: 'edits', dataset: '12__table', customerId: 'ACME-001' }, { notes: 'x' }).ok).toBe(true);
    expect(keys()).toEqual([
      'customer-profile-360:v2:edits:1:12__table:ACME-001',
      'customer-profile-360:v2:watchlist:1:12__table:ACME-001',
    ]);
    expect(readEntry(watch('12__table'), isBoolean)).toEqual({ ok: true, value: true });
  });

  it('another user of the same browser reads nothing of it', () => {
    writeEntry({ kind: 'edits', dataset: '12__table', customerId: 'ACME-001' }, 'Call the CFO');
    bootstrapUser(BOB);
    expect(readEntry({ kind: 'edits', dataset: '12__table', customerId: 'ACME-001' }, isText)).toEqual({
      ok: true,
      value: undefined,
    });
    bootstrapUser(ALICE);
    expect(readEntry({ kind: 'edits', dataset: '12__table', customerId: 'ACME-001' }, isText)).toEqual({
      ok: true,
      value: 'Call the CFO',
    });
  });

  it('another dataset whose customer has the same id reads nothing of it', () => {
    writeEntry(watch('12__table'), true);
    expect(readEntry(watch('13__table'), isBoolean)).toEqual({ ok: true, value: undefined });
    expect(readEntry(watch('12__query'), isBoolean)).toEqual({ ok: true, value: undefined });
  });

  it('each part is encoded, so an id with ":" cannot reach into another part', () => {
    writeEntry(watch('12__table:x', 'y'), true);
    expect(readEntry(watch('12__table', 'x:y'), isBoolean)).toEqual({ ok: true, value: undefined });
    writeEntry(watch('12__table', 'x:y'), false);
    expect(readEntry(watch('12__table:x', 'y'), isBoolean)).toEqual({ ok: true, value: true });
    expect(keys()).toEqual([
      'customer-profile-360:v2:watchlist:1:12__table%3Ax:y',
      'customer-profile-360:v2:watchlist:1:12__table:x%3Ay',
    ]);
  });

  it('a user id given as text is used as it is (encoded)', () => {
    bootstrapUser({ userId: 'u:7' });
    expect(signedInUserId()).toBe('u:7');
    writeEntry(watch('12__table'), true);
    expect(keys()).toEqual(['customer-profile-360:v2:watchlist:u%3A7:12__table:ACME-001']);
  });
});

describe('a viewer Superset gives no user id has nothing read and nothing stored', () => {
  it.each`
    who                                   | user                                | attribute
    ${'an anonymous viewer (user: {})'}   | ${ANONYMOUS}                        | ${undefined}
    ${'a guest of an embedded dashboard'} | ${GUEST}                            | ${undefined}
    ${'a user marked anonymous'}          | ${{ userId: 3, isAnonymous: true }} | ${undefined}
    ${'a page without bootstrap data'}    | ${undefined}                        | ${undefined}
    ${'unreadable bootstrap data'}        | ${undefined}                        | ${'{"user": {"userId": 1'}
    ${'bootstrap data without a user'}    | ${undefined}                        | ${'{"common": {}}'}
  `('$who', ({ user, attribute }) => {
    bootstrapUser(user, attribute);
    expect(signedInUserId()).toBeUndefined();
    expect(writeEntry(watch('12__table'), true)).toEqual({ ok: false, reason: 'signed-out' });
    expect(readEntry(watch('12__table'), isBoolean)).toEqual({ ok: true, value: undefined });
    expect(keys()).toEqual([]);
  });

  it("nor does a signed-in user's entry show for them", () => {
    bootstrapUser(ALICE);
    writeEntry(watch('12__table'), true);
    bootstrapUser(GUEST);
    expect(readEntry(watch('12__table'), isBoolean)).toEqual({ ok: true, value: undefined });
  });
});

it('a chart without a dataset keeps nothing', () => {
  bootstrapUser(ALICE);
  expect(writeEntry(watch(undefined), true)).toEqual({ ok: false, reason: 'no-dataset' });
  expect(readEntry(watch(undefined), isBoolean)).toEqual({ ok: true, value: undefined });
  expect(keys()).toEqual([]);
});

it('entries of the first format (no user, no dataset) are never read, and left in place', () => {
  window.localStorage.setItem('customer-profile-360:watchlist:ACME-001', 'true');
  window.localStorage.setItem('customer-profile-360:edits:ACME-001', JSON.stringify({ notes: 'Old note' }));
  bootstrapUser(ALICE);
  expect(readEntry(watch('12__table'), isBoolean)).toEqual({ ok: true, value: undefined });
  expect(readEntry({ kind: 'edits', dataset: '12__table', customerId: 'ACME-001' }, (v): v is object => !!v)).toEqual({
    ok: true,
    value: undefined,
  });
  writeEntry(watch('12__table'), undefined);
  expect(window.localStorage.getItem('customer-profile-360:watchlist:ACME-001')).toBe('true');
  expect(window.localStorage.getItem('customer-profile-360:edits:ACME-001')).toContain('Old note');
});

it('storage that throws or holds junk is a reason, never an exception', () => {
  bootstrapUser(ALICE);
  window.localStorage.setItem('customer-profile-360:v2:watchlist:1:12__table:ACME-001', '{not json');
  expect(readEntry(watch('12__table'), isBoolean)).toEqual({ ok: false, reason: 'malformed' });
  const spy = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
  });
  expect(writeEntry(watch('12__table'), true)).toEqual({ ok: false, reason: 'full' });
  spy.mockRestore();
});
