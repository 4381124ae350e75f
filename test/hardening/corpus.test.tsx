/**
 * Bad input never breaks the chart. Each corpus row is rendered through SuperChart with the tab that shows the broken
 * column open: no throw, no blank chart, no error panel, nothing shown as NaN, Invalid Date, undefined or
 * [object Object], and each unreadable value reported to the chart author under the column's name.
 */
import { getChartMetadataRegistry, SuperChart } from '@superset-ui/core';
import { waitFor } from '@testing-library/dom';
import { CustomerProfileChartPlugin } from '../../src';
import { buildCorpus } from '../support/corpus';
import { fixToday, render, withTheme } from '../support/render';

const KEY = 'customer_profile_corpus';
const corpus = buildCorpus();

beforeAll(() => {
  if (!getChartMetadataRegistry().has(KEY)) new CustomerProfileChartPlugin().configure({ key: KEY }).register();
});
fixToday();

test.each(corpus.map(c => [c.description, c]))('%s', async (_, { row, tab, column, unreadable }) => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { container } = render(
    withTheme(
      <SuperChart
        chartType={KEY}
        width={900}
        height={600}
        formData={{ datasource: '1__table', viz_type: KEY, default_tab: tab, show_sensitive_data: true }}
        queriesData={[{ data: [row], colnames: Object.keys(row) }]}
      />,
    ),
  );
  // Not blank: a heading (the customer's name, or the empty or missing-columns state). Plain DOM queries: role
  // queries compute styles for the accessibility tree and cost seconds per case in jsdom.
  await waitFor(() => expect(container.querySelector('h2')?.textContent?.trim()).toBeTruthy());
  // The lazily loaded panel of the broken column has rendered (or the chart shows a state without tabs).
  await waitFor(() => {
    const pane = container.querySelector('.cp360-tabs-tabpane-active');
    expect(!pane || (pane.childElementCount > 0 && !pane.querySelector('.cp360-spin'))).toBe(true);
  });
  // The tab that shows the broken column is the one open.
  const tabs = container.querySelector('.cp360-tabs');
  if (tabs) expect(tabs.querySelector('.cp360-tabs-tab-active')?.getAttribute('data-node-key')).toBe(tab);
  // An unreadable value is reported to the chart author, naming its column (the row itself stays on screen).
  if (unreadable && column !== 'customer_id') {
    const noted = Array.from(container.querySelectorAll('details li code'), code => code.textContent ?? '');
    expect(noted.filter(name => name === column || name.startsWith(`${column}.`))).not.toEqual([]);
  }
  const text = container.textContent ?? '';
  expect(text).not.toMatch(/NaN|Invalid Date|undefined|\[object Object\]|Infinity/);
  expect(text).not.toContain('could not be shown because of an unexpected error');
  // React logs render errors it caught; none may occur.
  expect(errors.mock.calls.filter(args => String(args[0]).includes('The above error occurred'))).toEqual([]);
  errors.mockRestore();
});
