import { parseRow } from '../../src/model/parse';
import { redactProfile } from '../../src/model/redact';
import { toCsv, toJson } from '../../src/model/export';
import type { CustomerProfile } from '../../src/model/types';
import {
  acmeRow,
  FINANCIAL_VALUES,
  PERSONAL_EXTRAS,
  PERSONAL_VALUES,
  personalExtrasRow,
  SENSITIVE_VALUES,
  TODAY,
} from '../support/fixtures';

const parsed = parseRow(acmeRow).profile;
if (!parsed) throw new Error('no profile');
const profile = parsed;
const text = (value: unknown) => JSON.stringify(value);
const raw = (n: string) => n.replace(/,/g, '');

test('financial data off removes every financial value from the model', () => {
  const redacted = redactProfile(profile, { showFinancialData: false, showSensitiveData: true });
  expect('revenue' in redacted).toBe(false);
  FINANCIAL_VALUES.forEach(value => expect(text(redacted)).not.toContain(raw(value)));
  expect(text(redacted)).toContain('Acme Corporation LLC');
});

test('sensitive data off removes legal name, INN, address, phones and emails, also of contacts', () => {
  const redacted = redactProfile(profile, { showFinancialData: true, showSensitiveData: false });
  ['legalName', 'inn', 'address', 'phone', 'email'].forEach(key => expect(key in redacted).toBe(false));
  expect('phone' in redacted.csm).toBe(false);
  redacted.contacts.forEach(contact => {
    expect('email' in contact).toBe(false);
    expect('phone' in contact).toBe(false);
  });
  SENSITIVE_VALUES.forEach(value => expect(text(redacted)).not.toContain(value));
  // The CSM's work e-mail is not personal data of the customer: it stays.
  expect(redacted.csm.email).toBe('john.smith@example.com');
});

test('personal keys beyond the contract go too, and the input is left as it was', () => {
  const withExtra = { ...profile, contacts: [{ name: 'A', extra: { mobile: '+1 555 0000', linkedin: 'in/a' } }] };
  const redacted = redactProfile(withExtra, { showFinancialData: true, showSensitiveData: false });
  expect(redacted.contacts[0]).toEqual({ name: 'A', extra: { linkedin: 'in/a' } });
  expect(profile.inn).toBe('7707083893');
});

test('a group keeps what is visible: the CSM without a phone is still the CSM, even with nothing else known', () => {
  const redacted = redactProfile(profile, { showFinancialData: true, showSensitiveData: false });
  expect(redacted.csm).toEqual({ id: 'U-7', name: 'John Smith', email: 'john.smith@example.com' });
  const bare = parseRow({ customer_id: 'B-1', customer_name: 'Bare', csm_phone: '+1 555 0100' }).profile;
  if (!bare) throw new Error('no profile');
  expect(redactProfile(bare, { showFinancialData: true, showSensitiveData: false }).csm).toEqual({});
  expect(bare.csm).toEqual({ phone: '+1 555 0100' });
});

describe('extra keys that look personal, in every detail column', () => {
  const withExtras = parseRow(personalExtrasRow).profile as CustomerProfile;
  const firstItem = (p: CustomerProfile, column: keyof typeof PERSONAL_EXTRAS) =>
    ({
      activities: p.activity.items[0],
      documents: p.documents[0],
      invoices: p.revenue?.invoices[0],
      contacts: p.contacts[0],
      product_usage: p.products.usage[0],
    })[column];

  it.each`
    column             | off                                         | on
    ${'activities'}    | ${{ source: 'crm' }}                        | ${{ source: 'crm', ...PERSONAL_EXTRAS.activities }}
    ${'documents'}     | ${{ source: 'crm', approval: { step: 2 } }} | ${{ source: 'crm', ...PERSONAL_EXTRAS.documents }}
    ${'invoices'}      | ${{ source: 'crm' }}                        | ${{ source: 'crm', ...PERSONAL_EXTRAS.invoices }}
    ${'contacts'}      | ${{ source: 'crm' }}                        | ${{ source: 'crm', ...PERSONAL_EXTRAS.contacts }}
    ${'product_usage'} | ${{ source: 'crm' }}                        | ${{ source: 'crm', ...PERSONAL_EXTRAS.product_usage }}
  `('$column: gone with sensitive data off (nested ones too), kept with it on', ({ column, off, on }) => {
    const hidden = redactProfile(withExtras, { showFinancialData: true, showSensitiveData: false });
    const shown = redactProfile(withExtras, { showFinancialData: true, showSensitiveData: true });
    expect(firstItem(hidden, column)?.extra).toEqual(off);
    expect(firstItem(shown, column)?.extra).toEqual(on);
  });

  it('an item left with no extra key has none, and the input is left as it was', () => {
    const profile = parseRow({ ...acmeRow, activities: [{ activity_id: 'A1', contact_email: 'x@y.org' }] })
      .profile as CustomerProfile;
    const [activity] = redactProfile(profile, { showFinancialData: true, showSensitiveData: false }).activity.items;
    expect(activity).toEqual({ activityId: 'A1', type: 'other' });
    expect(profile.activity.items[0].extra).toEqual({ contact_email: 'x@y.org' });
  });

  it.each`
    format    | write
    ${'JSON'} | ${toJson}
    ${'CSV'}  | ${toCsv}
  `('the $format export holds none of them with sensitive data off, and every one with it on', ({ write }) => {
    const exported = (showSensitiveData: boolean) =>
      write({
        profile: redactProfile(withExtras, { showFinancialData: true, showSensitiveData }),
        alerts: [],
        exportedAt: TODAY,
      }) as string;
    const off = exported(false);
    const on = exported(true);
    PERSONAL_VALUES.forEach(value => {
      expect([value, off.includes(value)]).toEqual([value, false]);
      expect([value, on.includes(value)]).toEqual([value, true]);
    });
    expect(off).toContain('crm');
  });
});
