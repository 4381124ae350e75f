import { fireEvent, screen, within } from '@testing-library/dom';
import RevenueTab from '../../../src/components/tabs/RevenueTab';
import { renderPanel } from '../../support/render';
import { FINANCIAL_VALUES, rowWith, sparseRow } from '../../support/fixtures';

const invoiceIds = () =>
  within(screen.getByRole('table', { name: 'Invoices' }))
    .getAllByRole('rowheader')
    .map(cell => cell.textContent);

const header = (name: string) => screen.getByRole('button', { name }).closest('th') as HTMLElement;

const threeInvoices = rowWith({
  invoices: [
    { invoice_id: 'INV-A', issued_date: '2026-01-01', paid_date: '2026-01-20', amount: 500, status: 'paid' },
    { invoice_id: 'INV-B', issued_date: '2026-02-01', paid_date: null, amount: 9000, status: 'overdue' },
    { invoice_id: 'INV-C', issued_date: '2025-12-01', paid_date: null, amount: 1200, status: 'open' },
  ],
});

describe('RevenueTab', () => {
  it("lists Acme's invoices with amount and status", () => {
    renderPanel(RevenueTab);
    const row = screen.getByRole('rowheader', { name: 'INV-1001' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('$20,833')).toBeTruthy();
    expect(within(row).getByText('Paid', { selector: 'span' })).toBeTruthy();
    expect(within(row).getByText('Jan 1, 2026')).toBeTruthy();
    expect(within(row).getByText('Feb 3, 2026')).toBeTruthy();
    // The open invoice has no paid date: shown as missing, quietly.
    const open = screen.getByRole('rowheader', { name: 'INV-1002' }).closest('tr') as HTMLElement;
    expect(within(open).getByText('Open')).toBeTruthy();
    expect(within(open).getByRole('note', { name: 'Not available' })).toBeTruthy();
  });

  it('sorts by issued date, newest first, by default', () => {
    renderPanel(RevenueTab, { row: threeInvoices });
    expect(invoiceIds()).toEqual(['INV-B', 'INV-A', 'INV-C']);
    expect(header('Issued').getAttribute('aria-sort')).toBe('descending');
    expect(header('Amount').getAttribute('aria-sort')).toBe('none');
  });

  it('sorts by amount when its header is clicked, and reverses on a second click', () => {
    renderPanel(RevenueTab, { row: threeInvoices });
    fireEvent.click(screen.getByRole('button', { name: 'Amount' }));
    expect(invoiceIds()).toEqual(['INV-B', 'INV-C', 'INV-A']);
    expect(header('Amount').getAttribute('aria-sort')).toBe('descending');
    expect(header('Issued').getAttribute('aria-sort')).toBe('none');
    fireEvent.click(screen.getByRole('button', { name: 'Amount' }));
    expect(invoiceIds()).toEqual(['INV-A', 'INV-C', 'INV-B']);
    expect(header('Amount').getAttribute('aria-sort')).toBe('ascending');
  });

  it('sorts by status', () => {
    renderPanel(RevenueTab, { row: threeInvoices });
    fireEvent.click(screen.getByRole('button', { name: 'Status' }));
    expect(invoiceIds()).toEqual(['INV-C', 'INV-B', 'INV-A']);
    expect(header('Status').getAttribute('aria-sort')).toBe('ascending');
  });

  it('keeps invoices without the sorted value last', () => {
    renderPanel(RevenueTab, {
      row: rowWith({
        invoices: [
          { invoice_id: 'NO-AMOUNT', issued_date: '2026-02-01', status: 'open' },
          { invoice_id: 'SMALL', issued_date: '2026-01-01', amount: 10, status: 'paid' },
          { invoice_id: 'BIG', issued_date: '2025-01-01', amount: 99, status: 'paid' },
        ],
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Amount' }));
    expect(invoiceIds()).toEqual(['BIG', 'SMALL', 'NO-AMOUNT']);
    fireEvent.click(screen.getByRole('button', { name: 'Amount' }));
    expect(invoiceIds()).toEqual(['SMALL', 'BIG', 'NO-AMOUNT']);
  });

  it('shows the revenue summary', () => {
    renderPanel(RevenueTab);
    const value = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Current ARR')).toBe('$250,000');
    expect(value('Previous month ARR')).toBe('$245,000');
    expect(value('ARR growth (year over year)')).toBe('+15%');
    expect(value('Lifetime value')).toBe('$1,200,000');
    expect(value('Total paid')).toBe('$1,150,000');
    expect(value('Total invoices')).toBe('48');
    expect(value('First payment')).toBe('Feb 1, 2020');
  });

  it('draws the ARR history with its first and last value', () => {
    renderPanel(RevenueTab);
    expect(screen.getByRole('img', { name: 'ARR from $230,000 in Oct 2025 to $250,000 in Jan 2026' })).toBeTruthy();
    expect(screen.getByText('First: Oct 2025').nextElementSibling?.textContent).toBe('$230,000');
    expect(screen.getByText('Last: Jan 2026').nextElementSibling?.textContent).toBe('$250,000');
  });

  it('counts on-time and late payments and rates payment health', () => {
    const { container } = renderPanel(RevenueTab);
    const value = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(screen.getByRole('img', { name: '2 payments: 1 on time, 1 late' })).toBeTruthy();
    expect(value('On time')).toBe('1');
    expect(value('Late')).toBe('1');
    expect(value('Average delay')).toBe('4 days');
    expect(value('Payment health')).toBe('Good');
    // One bar per payment, coloured by lateness.
    const bars = container.querySelectorAll('svg rect');
    expect(bars).toHaveLength(2);
    expect(bars[0].getAttribute('fill')).not.toBe(bars[1].getAttribute('fill'));
    // Each bar's title formats its amount as the rest of the chart does.
    expect(Array.from(container.querySelectorAll('svg title'), title => title.textContent)).toEqual([
      'Jan 5, 2026: $20,833',
      'Feb 3, 2026: $20,833',
    ]);
  });

  it('rates a slow payer as poor', () => {
    renderPanel(RevenueTab, { row: rowWith({ avg_payment_delay: 45 }) });
    expect(screen.getByText('Payment health').nextElementSibling?.textContent).toBe('Poor');
  });

  it('names the column of each empty section', () => {
    renderPanel(RevenueTab, { row: rowWith({ arr_history: null, invoices: null }) });
    const texts = screen.getAllByRole('status').map(s => s.textContent);
    expect(texts).toEqual(
      expect.arrayContaining([expect.stringContaining('arr_history'), expect.stringContaining('invoices')]),
    );
  });

  it('renders the sparse customer without NaN, Invalid Date or $0', () => {
    const { container } = renderPanel(RevenueTab, { row: sparseRow, compact: true });
    expect(container.textContent).not.toMatch(/NaN|Invalid Date|\$0|undefined/);
    expect(screen.getByText('Current ARR').nextElementSibling?.textContent).toBe('—');
  });

  it('renders no financial value when financial data is off', () => {
    const { container } = renderPanel(RevenueTab, { formData: { show_financial_data: false } });
    FINANCIAL_VALUES.forEach(value => expect(container.textContent).not.toContain(value));
    expect(screen.getByRole('status').textContent).toContain('Financial data is hidden');
  });
});
