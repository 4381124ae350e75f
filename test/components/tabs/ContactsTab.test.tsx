import { screen, within } from '@testing-library/dom';
import ContactsTab from '../../../src/components/tabs/ContactsTab';
import { renderPanel } from '../../support/render';
import { acmeRow, daysFrom, rowWith, SENSITIVE_VALUES, shortDate, sparseRow } from '../../support/fixtures';

const SENSITIVE_ON = { show_sensitive_data: true };
const cards = () => within(screen.getByRole('list')).getAllByRole('listitem');
const cardOf = (name: string) => screen.getByRole('heading', { name }).closest('li') as HTMLElement;
const SAFE_HREF = /^(https?:|mailto:|tel:)/;

test('shows each contact with title, role and last contacted date, the primary contact first', () => {
  const reversed = [...(acmeRow.contacts as object[])].reverse();
  renderPanel(ContactsTab, { row: rowWith({ contacts: reversed }) });
  expect(cards().map(card => within(card).getByRole('heading').textContent)).toEqual(['Jane Doe', 'Bob Lee']);
  const jane = cardOf('Jane Doe');
  within(jane).getByText('Primary');
  within(jane).getByText('VP Operations');
  within(jane).getByText('Champion');
  within(jane).getByText(shortDate(daysFrom(-3)));
  expect(within(cardOf('Bob Lee')).queryByText('Primary')).toBeNull();
});

test('with sensitive data on, e-mail and phone are mailto: and tel: links', () => {
  const { container } = renderPanel(ContactsTab, { formData: SENSITIVE_ON });
  const email = screen.getByRole('link', { name: 'Email Jane Doe at jane.doe@acme.example.com' });
  expect(email.getAttribute('href')).toBe('mailto:jane.doe@acme.example.com');
  expect(email.textContent).toBe('jane.doe@acme.example.com');
  const phone = screen.getByRole('link', { name: 'Call Jane Doe at +1 415 555 0111' });
  expect(phone.getAttribute('href')).toBe('tel:+14155550111');
  container.querySelectorAll('a').forEach(a => expect(a.getAttribute('href')).toMatch(SAFE_HREF));
});

test('with sensitive data off (the default), no e-mail or phone is shown or hinted at', () => {
  const { container } = renderPanel(ContactsTab);
  SENSITIVE_VALUES.forEach(value => expect(container.innerHTML).not.toContain(value));
  expect(container.innerHTML).not.toMatch(/acme\.example\.com|555 011/);
  expect(screen.queryByText('Email')).toBeNull();
  expect(screen.queryByText('Phone')).toBeNull();
  expect(screen.queryAllByRole('link')).toHaveLength(0);
  // The rest of the card is still there.
  within(cardOf('Jane Doe')).getByText('VP Operations');
});

test('an e-mail or phone the link helpers reject is shown as plain text', () => {
  const row = rowWith({
    contacts: [{ name: 'Odd Data', email: 'javascript:alert(1)', phone: 'call reception', is_primary: true }],
  });
  const { container } = renderPanel(ContactsTab, { formData: SENSITIVE_ON, row });
  within(cardOf('Odd Data')).getByText('javascript:alert(1)');
  within(cardOf('Odd Data')).getByText('call reception');
  expect(container.querySelectorAll('a')).toHaveLength(0);
});

test('missing fields are shown quietly as not available', () => {
  renderPanel(ContactsTab, { row: rowWith({ contacts: [{ name: 'Only Name' }] }) });
  expect(within(cardOf('Only Name')).getAllByRole('note', { name: 'Not available' })).toHaveLength(3);
});

test('works on a small tile', () => {
  renderPanel(ContactsTab, { compact: true });
  expect(cards()).toHaveLength(2);
});

test('names the contacts column when there are none', () => {
  renderPanel(ContactsTab, { row: sparseRow });
  expect(screen.getByRole('status').textContent).toContain('contacts');
});
