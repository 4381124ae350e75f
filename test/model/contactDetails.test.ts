/**
 * The contacts' e-mails and phones come in `contact_details`, a sensitive column of their own, and join the contacts
 * by name; `contacts` that still carry them (a dataset written before) are read as before, redacted as before, and
 * reported to the chart author, because they reach every viewer in the chart's query.
 */
import { parseRow, parseRows } from '../../src/model/parse';
import { formatProblem } from '../../src/model/coerce';
import type { Contact, ParseIssue } from '../../src/model/types';
import { acmeRow, rowWith, savedContactsRow } from '../support/fixtures';

const SENSITIVE_OFF = { showFinancialData: true, showSensitiveData: false };
const SENSITIVE_ON = { showFinancialData: true, showSensitiveData: true };

const notes = (issues: ParseIssue[]) => issues.map(issue => `${issue.column}: ${formatProblem(issue)}`);
const contactsOf = (row: Record<string, unknown>, permissions = SENSITIVE_ON) => {
  const result = parseRows([row], undefined, permissions);
  if (result.status !== 'ok') throw new Error(`no customer: ${result.status}`);
  const [customer] = result.customers;
  return { contacts: customer.profile.contacts, notes: notes(customer.issues) };
};

const JANE = { name: 'Jane Doe', title: 'VP Operations', role: 'Champion', isPrimary: true };
const BOB = { name: 'Bob Lee', title: 'CFO', role: 'Economic buyer', isPrimary: false };
const JANE_DETAILS = { email: 'jane.doe@acme.example.com', phone: '+1 415 555 0111' };
const BOB_DETAILS = { email: 'bob.lee@acme.example.com', phone: '+1 415 555 0112' };

const UNMATCHED = 'contact_details: 1 item(s) name no contact of the contacts column and are not shown';

describe('contact_details joins each contact by name', () => {
  it.each<{ description: string; details: unknown; contacts?: unknown; expected: Partial<Contact>[]; notes: string[] }>(
    [
      {
        description: 'the seed example: every contact gets its e-mail and phone (JSON text)',
        details: acmeRow.contact_details,
        expected: [
          { ...JANE, ...JANE_DETAILS },
          { ...BOB, ...BOB_DETAILS },
        ],
        notes: [],
      },
      {
        description: 'an already-parsed array, in another order than the contacts',
        details: [
          { name: 'Bob Lee', email: 'bob.lee@acme.example.com' },
          { name: 'Jane Doe', phone: '+1 415 555 0111' },
        ],
        expected: [
          { ...JANE, phone: '+1 415 555 0111' },
          { ...BOB, email: 'bob.lee@acme.example.com' },
        ],
        notes: [],
      },
      {
        description: 'names compared after trimming',
        details: [{ name: '  Jane Doe ', email: 'jane.doe@acme.example.com' }],
        expected: [{ ...JANE, email: 'jane.doe@acme.example.com' }, BOB],
        notes: [],
      },
      {
        description: 'a detail naming no contact is dropped, with a note for the author',
        details: [
          { name: 'Jane Doe', email: 'jane.doe@acme.example.com' },
          { name: 'jane doe', email: 'someone@acme.example.com' },
        ],
        expected: [{ ...JANE, email: 'jane.doe@acme.example.com' }, BOB],
        notes: [UNMATCHED],
      },
      {
        description: 'a name repeated in both lists pairs up in order',
        contacts: [
          { name: 'Alex Kim', title: 'CTO' },
          { name: 'Alex Kim', title: 'Buyer' },
        ],
        details: [
          { name: 'Alex Kim', email: 'cto@acme.example.com' },
          { name: 'Alex Kim', email: 'buyer@acme.example.com' },
          { name: 'Alex Kim', email: 'third@acme.example.com' },
        ],
        expected: [
          { name: 'Alex Kim', title: 'CTO', email: 'cto@acme.example.com' },
          { name: 'Alex Kim', title: 'Buyer', email: 'buyer@acme.example.com' },
        ],
        notes: [UNMATCHED],
      },
      {
        description: 'the detail wins over what contacts carries, and its extra keys join the contact’s',
        contacts: [{ name: 'Jane Doe', email: 'old@acme.example.com', linkedin: 'in/jane' }],
        details: [{ name: 'Jane Doe', email: 'jane.doe@acme.example.com', mobile: '+1 415 555 0199' }],
        expected: [
          {
            name: 'Jane Doe',
            email: 'jane.doe@acme.example.com',
            extra: { linkedin: 'in/jane', mobile: '+1 415 555 0199' },
          },
        ],
        notes: [
          "contacts: holds email, which reach every viewer in the chart's query even with sensitive data off (this chart removes them only from the view): move them to contact_details, which is queried only when sensitive data is on",
        ],
      },
      {
        description: 'no contacts: every detail is dropped',
        contacts: null,
        details: [{ name: 'Jane Doe', email: 'jane.doe@acme.example.com' }],
        expected: [],
        notes: [UNMATCHED],
      },
      {
        description: 'broken JSON: the contacts as they are, with a note',
        details: '[{"name": "Jane Doe", "email": ',
        expected: [JANE, BOB],
        notes: ['contact_details: is not valid JSON: expected a JSON array of objects'],
      },
    ],
  )('$description', ({ details, contacts, expected, notes: expectedNotes }) => {
    const row = rowWith({ contact_details: details, ...(contacts !== undefined ? { contacts } : {}) });
    const got = contactsOf(row);
    expect(got.contacts.map(({ lastContacted: _day, ...contact }) => contact)).toEqual(expected);
    expect(got.notes).toEqual(expectedNotes);
  });

  it('sensitive data off: contact_details is not read at all (nor its extra keys), and nothing is reported', () => {
    const row = rowWith({
      contact_details: [{ name: 'Jane Doe', email: 'jane.doe@acme.example.com', linkedin: 'in/jane' }, { name: 'X' }],
    });
    const got = contactsOf(row, SENSITIVE_OFF);
    expect(got.contacts.map(({ lastContacted: _day, ...contact }) => contact)).toEqual([JANE, BOB]);
    expect(got.notes).toEqual([]);
  });

  it('parseRow alone (no permissions) merges too, and leaves its input as it was', () => {
    const row = rowWith({ contact_details: [{ name: 'Bob Lee', phone: '+1 415 555 0112' }] });
    const before = JSON.stringify(row);
    expect(parseRow(row).profile?.contacts[1]).toMatchObject({ ...BOB, phone: '+1 415 555 0112' });
    expect(JSON.stringify(row)).toBe(before);
  });
});

describe('a saved dataset whose contacts carry e-mails and phones', () => {
  const NOTE =
    "contacts: holds email, phone, which reach every viewer in the chart's query even with sensitive data off (this chart removes them only from the view): move them to contact_details, which is queried only when sensitive data is on";

  it.each`
    description             | permissions      | shown
    ${'sensitive data off'} | ${SENSITIVE_OFF} | ${false}
    ${'sensitive data on'}  | ${SENSITIVE_ON}  | ${true}
  `(
    '$description: the e-mails and phones are in the model only when shown; the author is told either way',
    ({ permissions, shown }) => {
      const got = contactsOf(savedContactsRow, permissions);
      const text = JSON.stringify(got.contacts);
      [JANE_DETAILS, BOB_DETAILS].forEach(({ email, phone }) => {
        expect([email, text.includes(email)]).toEqual([email, shown]);
        expect([phone, text.includes(phone)]).toEqual([phone, shown]);
      });
      expect(got.contacts.map(c => c.name)).toEqual(['Jane Doe', 'Bob Lee']);
      expect(got.notes).toEqual([NOTE]);
    },
  );

  it('the note names only what contacts carries, and is not there when it carries neither', () => {
    const phonesOnly = rowWith({
      contacts: [{ name: 'Jane Doe', phone: '+1 415 555 0111', email: null }],
      contact_details: null,
    });
    expect(contactsOf(phonesOnly).notes).toEqual([NOTE.replace('email, phone', 'phone')]);
    expect(contactsOf(acmeRow).notes).toEqual([]);
  });
});
