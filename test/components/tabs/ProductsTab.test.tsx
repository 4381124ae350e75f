import { screen, within } from '@testing-library/dom';
import ProductsTab from '../../../src/components/tabs/ProductsTab';
import { renderPanel } from '../../support/render';
import { acmeRow, daysFrom, rowWith, shortDate, sparseRow } from '../../support/fixtures';

const emptyProducts = { product_usage: null, usage_trend: null, active_products: null };

describe('ProductsTab', () => {
  it('lists each product with its status, users and feature adoption', () => {
    renderPanel(ProductsTab);
    const table = screen.getByRole('table', { name: 'Product usage' });
    const crm = within(table).getByRole('rowheader', { name: 'CRM' }).closest('tr') as HTMLElement;
    expect(within(crm).getByText('Active')).toBeTruthy();
    expect(within(crm).getByText('200')).toBeTruthy();
    expect(within(crm).getByText('150')).toBeTruthy();
    expect(within(crm).getByText('72%')).toBeTruthy();
    expect(within(crm).getByRole('progressbar', { name: 'Feature adoption of CRM: 72%' })).toBeTruthy();
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  });

  it('shows the summary: product count, average adoption and last active date', () => {
    renderPanel(ProductsTab);
    expect(screen.getByText('Products').nextElementSibling?.textContent).toBe('3');
    expect(screen.getByText('Average feature adoption').nextElementSibling?.textContent).toBe('64%');
    expect(screen.getByText('Last active', { selector: 'dt' }).nextElementSibling?.textContent).toBe(
      shortDate(daysFrom(-2)),
    );
  });

  it('draws the usage trend with a summary a screen reader can read', () => {
    renderPanel(ProductsTab);
    expect(screen.getByRole('img', { name: /Active users over time, from 170 .* to 179/ })).toBeTruthy();
    expect(screen.getByText('Latest active users').nextElementSibling?.textContent).toBe('179');
  });

  it('lists the active product names when there is no usage detail', () => {
    renderPanel(ProductsTab, { row: rowWith({ product_usage: null }) });
    expect(screen.queryByRole('table')).toBeNull();
    ['CRM', 'BI', 'API'].forEach(name => expect(screen.getByText(name)).toBeTruthy());
  });

  describe('inactivity warning', () => {
    // The last sign of life is 30 days before the reference day.
    const quiet = rowWith({ last_active_date: daysFrom(-30), last_interaction_date: daysFrom(-45) });

    it('appears when the days without activity exceed the limit', () => {
      renderPanel(ProductsTab, { row: quiet, formData: { inactivity_alert_days: 29 } });
      expect(screen.getByText('No activity for 30 days')).toBeTruthy();
      expect(screen.getByText('The alert limit is 29 days')).toBeTruthy();
    });

    it('does not appear at the limit itself', () => {
      renderPanel(ProductsTab, { row: quiet, formData: { inactivity_alert_days: 30 } });
      expect(screen.queryByText(/No activity for/)).toBeNull();
    });

    it('falls back to the last interaction date', () => {
      renderPanel(ProductsTab, {
        row: rowWith({ last_active_date: null, last_interaction_date: daysFrom(-30) }),
        formData: { inactivity_alert_days: 29 },
      });
      expect(screen.getByText('No activity for 30 days')).toBeTruthy();
    });
  });

  it('names the columns that feed it when there is nothing at all', () => {
    renderPanel(ProductsTab, { row: sparseRow });
    const empty = screen.getByRole('status');
    expect(empty.textContent).toContain('product_usage, usage_trend, active_products');
  });

  it('names usage_trend when only the trend is missing', () => {
    renderPanel(ProductsTab, { row: rowWith({ usage_trend: null }) });
    expect(screen.getByRole('status').textContent).toContain('usage_trend');
    expect(screen.getByRole('table', { name: 'Product usage' })).toBeTruthy();
  });

  it('shows missing values quietly, never NaN, Invalid Date or a false zero', () => {
    const { container } = renderPanel(ProductsTab, {
      row: rowWith({
        ...emptyProducts,
        product_count: null,
        avg_feature_adoption: null,
        last_active_date: '2026-02-20',
        last_interaction_date: null,
        product_usage: [{ product_name: 'CRM' }],
      }),
    });
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/NaN|Invalid Date|undefined|\b0%/);
    expect(screen.getAllByRole('note', { name: 'Not available' }).length).toBeGreaterThan(0);
  });

  it('renders the sparse customer without NaN, Invalid Date or $0', () => {
    const { container } = renderPanel(ProductsTab, { row: sparseRow, compact: true });
    expect(container.textContent).not.toMatch(/NaN|Invalid Date|\$0|undefined/);
  });

  it('keeps the Acme reference intact in a small tile', () => {
    renderPanel(ProductsTab, { row: acmeRow, compact: true });
    expect(screen.getByRole('table', { name: 'Product usage' })).toBeTruthy();
  });
});
