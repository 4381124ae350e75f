/**
 * The invariant behind the facts: a figure shown in two places shows the same value. Each figure is read from
 * the DOM of both places (the Overview with its KPI cards, and the tab that details it), over the named fixtures and
 * over generated rows where the summary columns and the detail lists disagree.
 */
import fc from 'fast-check';
import { within } from '@testing-library/dom';
import OverviewTab from '../../src/components/tabs/OverviewTab';
import ProductsTab from '../../src/components/tabs/ProductsTab';
import RevenueTab from '../../src/components/tabs/RevenueTab';
import HealthTab from '../../src/components/tabs/HealthTab';
import { renderPanel } from '../support/render';
import { acmeRow, rowWith, sparseRow } from '../support/fixtures';

type Row = Record<string, unknown>;

/** The text of the value next to a label in a field list, or undefined when the label is not shown. */
const field = (root: HTMLElement, label: string) =>
  within(root)
    .queryAllByText(label, { selector: 'dt' })
    .map(dt => dt.nextElementSibling?.textContent ?? '')[0];

const regionText = (root: HTMLElement, name: string) =>
  within(root).queryByRole('region', { name })?.textContent ?? undefined;

/** Renders a panel for the row, reads it, and unmounts it before the next one. */
function read<T>(Panel: React.ComponentType, row: Row, reader: (root: HTMLElement) => T): T {
  const { container, unmount } = renderPanel(Panel, { row });
  const value = reader(container);
  unmount();
  return value;
}

interface Figures {
  productCount?: string;
  paymentHealth?: string;
  healthStatus?: string;
}

function overview(row: Row): Figures {
  return read(OverviewTab, row, root => ({
    productCount: /(\d+) active/.exec(regionText(root, 'Products') ?? '')?.[1],
    paymentHealth: field(root, 'Payment health'),
    healthStatus: /(Critical|At risk|Healthy)/.exec(regionText(root, 'Health') ?? '')?.[1],
  }));
}

function detailTabs(row: Row): Figures {
  return {
    productCount: read(ProductsTab, row, root => field(root, 'Products')),
    paymentHealth: read(RevenueTab, row, root => field(root, 'Payment health')),
    healthStatus: read(HealthTab, row, root => /(Critical|At risk|Healthy)/.exec(root.textContent ?? '')?.[1]),
  };
}

/** '—' and an absent label both say "no value". */
const normalise = (figures: Figures): Figures =>
  Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, value && /\d|[A-Za-z]/.test(value) ? value : undefined]),
  );

const expectSameFigures = (row: Row) => expect(normalise(overview(row))).toEqual(normalise(detailTabs(row)));

describe('a figure shown in two places shows the same value', () => {
  it.each([
    ['Acme', acmeRow],
    ['a sparse row', sparseRow],
    [
      'four usage rows, three names in active_products, no product_count',
      rowWith({
        product_count: null,
        product_usage: ['CRM', 'BI', 'API', 'Mobile'].map(product_name => ({ product_name })),
      }),
    ],
    [
      'no avg_payment_delay: the payments decide, on both tabs',
      rowWith({
        avg_payment_delay: null,
        payments: [
          { payment_date: '2026-01-05', amount: 100, days_late: 40 },
          { payment_date: '2026-02-03', amount: 100, days_late: 50 },
        ],
      }),
    ],
  ])('%s', (_, row) => {
    expectSameFigures(row);
  });

  it('the four-usage-rows case says 3 on both tabs (active_products is the summary, and wins)', () => {
    const row = rowWith({
      product_count: null,
      product_usage: ['CRM', 'BI', 'API', 'Mobile'].map(product_name => ({ product_name })),
    });
    expect(overview(row).productCount).toBe('3');
    expect(detailTabs(row).productCount).toBe('3');
  });

  it('the payments decide payment health when the column is empty: Poor on both tabs', () => {
    const row = rowWith({
      avg_payment_delay: null,
      payments: [{ payment_date: '2026-01-05', amount: 1, days_late: 45 }],
    });
    expect(overview(row).paymentHealth).toBe('Poor');
    expect(detailTabs(row).paymentHealth).toBe('Poor');
  });

  it('over generated rows where the summary columns and the detail lists disagree', () => {
    const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const names = ['CRM', 'BI', 'API', 'Mobile', 'Chat'];
    const row = fc
      .record({
        product_count: maybe(fc.integer({ min: 0, max: 9 })),
        active_products: maybe(fc.subarray(names).map(list => list.join(', '))),
        product_usage: fc.array(
          fc.record({
            product_name: maybe(fc.constantFrom(...names)),
            feature_adoption: maybe(fc.integer({ min: 0, max: 100 })),
          }),
          { maxLength: 5 },
        ),
        avg_payment_delay: maybe(fc.integer({ min: -5, max: 90 })),
        payments: fc.array(
          fc.record({
            payment_date: fc.constantFrom('2026-01-05', '2026-02-03'),
            amount: fc.integer({ min: 1, max: 1000 }),
            days_late: maybe(fc.integer({ min: -10, max: 90 })),
          }),
          { maxLength: 4 },
        ),
        health_score: maybe(fc.integer({ min: 0, max: 100 })),
      })
      .map(overrides => rowWith(overrides));
    fc.assert(
      fc.property(row, generated => {
        expectSameFigures(generated);
      }),
      { numRuns: 25 },
    );
  });
});
