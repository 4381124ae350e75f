import { fireEvent, screen } from '@testing-library/dom';
import RevenueTab from '../../src/components/tabs/RevenueTab';
import ContactsTab from '../../src/components/tabs/ContactsTab';
import { renderPanel } from '../support/render';
import { rowWith } from '../support/fixtures';

const invoices = Array.from({ length: 120 }, (_, i) => ({
  invoice_id: `INV-${String(i).padStart(4, '0')}`,
  issued_date: `2020-01-01`,
  amount: 100 + i,
  status: 'paid',
}));

test('a thousand-row list shows its first rows and a button for all of them', () => {
  const { container } = renderPanel(RevenueTab, { row: rowWith({ invoices }) });
  expect(container.querySelectorAll('tbody tr')).toHaveLength(50);
  fireEvent.click(screen.getByText('Show all 120'));
  expect(container.querySelectorAll('tbody tr')).toHaveLength(120);
  expect(screen.queryByText('Show all 120')).toBeNull();
});

test('short lists have no button', () => {
  renderPanel(ContactsTab);
  expect(screen.queryByText(/Show all/)).toBeNull();
});

test('the payment timeline draws the most recent payments and says so; the figures count them all', () => {
  const payments = Array.from({ length: 100 }, (_, i) => ({
    payment_date: new Date(Date.UTC(2018, 0, 1) + i * 30 * 86_400_000).toISOString().slice(0, 10),
    amount: 1000,
    days_late: i % 2,
  }));
  const { container } = renderPanel(RevenueTab, { row: rowWith({ payments }) });
  expect(container.querySelectorAll('svg rect')).toHaveLength(60);
  expect(screen.getByText('The last 60 payments')).toBeTruthy();
  expect(screen.getByRole('img', { name: '100 payments: 50 on time, 50 late' })).toBeTruthy();
});
