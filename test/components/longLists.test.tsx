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
