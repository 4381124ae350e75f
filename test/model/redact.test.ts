import { parseRow } from '../../src/model/parse';
import { redactProfile } from '../../src/model/redact';
import { acmeRow, FINANCIAL_VALUES, SENSITIVE_VALUES } from '../support/fixtures';

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
