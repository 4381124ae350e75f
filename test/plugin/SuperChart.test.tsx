/** The plugin registered as Superset registers it, and rendered through SuperChart from @superset-ui/core. */
import { screen, within } from '@testing-library/dom';
import { getChartMetadataRegistry, SuperChart } from '@superset-ui/core';
import { CustomerProfileChartPlugin } from '../../src';
import DefaultExport from '../../src';
import { render, withTheme } from '../support/render';
import { acmeRow } from '../support/fixtures';

const KEY = 'customer_profile';

beforeAll(() => {
  new CustomerProfileChartPlugin().configure({ key: KEY }).register();
});

test('the default export registers the chart too, as an import without braces would', () => {
  new DefaultExport().configure({ key: 'customer_profile_default_export' }).register();
  expect(getChartMetadataRegistry().get('customer_profile_default_export')?.name).toBe('Customer Profile 360');
});

test('registers its gallery metadata under the configured key', () => {
  const metadata = getChartMetadataRegistry().get(KEY);
  expect(metadata?.name).toBe('Customer Profile 360');
  expect(metadata?.description).toMatch(/360° view/);
  expect(metadata?.thumbnail).toBeTruthy();
  expect(metadata?.category).toBe('KPI');
});

test('SuperChart renders the profile from a query result', async () => {
  render(
    withTheme(
      <SuperChart
        chartType={KEY}
        width={1000}
        height={700}
        formData={{ datasource: '1__table', viz_type: KEY }}
        queriesData={[{ data: [acmeRow], colnames: Object.keys(acmeRow) }]}
      />,
    ),
  );
  expect(await screen.findByRole('heading', { name: 'Acme Corporation' })).toBeTruthy();
  within(screen.getByRole('region', { name: 'ARR' })).getByText('$250,000');
});

test('SuperChart shows which required columns are missing', async () => {
  const { customer_name: _name, current_arr: _arr, ...row } = acmeRow;
  render(
    withTheme(
      <SuperChart
        chartType={KEY}
        width={600}
        height={400}
        formData={{ datasource: '1__table', viz_type: KEY }}
        queriesData={[{ data: [row], colnames: Object.keys(row) }]}
      />,
    ),
  );
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('customer_name, current_arr');
});
