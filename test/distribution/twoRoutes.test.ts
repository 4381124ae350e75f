/**
 * One chart, two routes. A chart saved in a Superset that installed the npm package must open in one that loaded
 * the pip package's dynamic bundle, and the other way round: both must register the same key with the same
 * metadata, control panel (section labels, control names and defaults), buildQuery output and transformProps output.
 *
 * The npm route is src/ registered as MainPreset does. The dynamic route is the real bundle: built here from the
 * same sources with webpack.dynamic.config.js (into artifacts/, so nothing tracked is written), then evaluated as
 * Superset's loader does it, with `window['__superset__/<name>']` set to the same react, react-dom, lodash,
 * @superset-ui/core and @superset-ui/chart-controls modules this test uses, so both routes land in one registry.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as lodash from 'lodash';
import * as core from '@superset-ui/core';
import * as chartControls from '@superset-ui/chart-controls';
import {
  getChartBuildQueryRegistry,
  getChartControlPanelRegistry,
  getChartMetadataRegistry,
  getChartTransformPropsRegistry,
} from '@superset-ui/core';
import CustomerProfileChartPlugin from '../../src/plugin';
import { acmeRow, rowWith } from '../support/fixtures';

const KEY = 'customer_profile';
const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'artifacts', 'distribution', 'dynamic');

type AnyFn = (...args: unknown[]) => unknown;
interface Registered {
  metadata: core.ChartMetadata;
  controlPanel: {
    controlPanelSections: Array<{
      label?: unknown;
      controlSetRows: unknown[][];
    } | null>;
  };
  buildQuery: AnyFn;
  transformProps: AnyFn;
}

async function captureRegistration(): Promise<Registered> {
  const metadata = getChartMetadataRegistry().get(KEY) as core.ChartMetadata;
  const controlPanel = getChartControlPanelRegistry().get(KEY) as Registered['controlPanel'];
  const buildQuery = (await getChartBuildQueryRegistry().getAsPromise(KEY)) as AnyFn;
  const transformProps = (await getChartTransformPropsRegistry().getAsPromise(KEY)) as AnyFn;
  if (!metadata || !controlPanel || !buildQuery || !transformProps) throw new Error(`nothing registered under ${KEY}`);
  return { metadata, controlPanel, buildQuery, transformProps };
}

/** Evaluates the ES-module bundle as the loader's import() would: strict mode, top-level code runs once. */
function evaluateBundle(file: string): Record<string, unknown> {
  const source = fs.readFileSync(file, 'utf8');
  const tail = /export\s*\{([^}]*)\};?\s*$/.exec(source);
  if (!tail) throw new Error('the bundle does not end with an ES module export list');
  const exported = tail[1]
    .split(',')
    .map(part => part.trim().split(/\s+as\s+/))
    .map(([local, name]) => `${JSON.stringify(name ?? local)}: ${local}`);
  const body = `"use strict";\n${source.slice(0, tail.index)}\nreturn { ${exported.join(', ')} };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(body)() as Record<string, unknown>;
}

/** Section labels, then every control as [name, default]; shared controls (strings) by name. */
function describeControlPanel(panel: Registered['controlPanel']) {
  return panel.controlPanelSections.filter(Boolean).map(section => ({
    label: section!.label,
    controls: section!.controlSetRows.flatMap(row =>
      row.map(item => {
        if (typeof item === 'string') return [item];
        if (item && typeof item === 'object' && 'name' in item) {
          const control = item as {
            name: string;
            config?: { default?: unknown; type?: unknown };
          };
          return [control.name, control.config?.type, control.config?.default];
        }
        return [typeof item];
      }),
    ),
  }));
}

function defaultsOf(panel: Registered['controlPanel']): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  describeControlPanel(panel).forEach(section =>
    section.controls.forEach(([name, , value]) => {
      if (typeof name === 'string' && value !== undefined) defaults[name] = value;
    }),
  );
  return defaults;
}

/** JSON with functions named by kind, so outputs holding callbacks still compare. */
const plain = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'function' ? '[function]' : v)));

let npm: Registered;
let dynamic: Registered;
let bundleExports: Record<string, unknown>;

beforeAll(async () => {
  // The npm route: MainPreset's `new CustomerProfileChartPlugin().configure({ key: 'customer_profile' })`.
  const plugin = new CustomerProfileChartPlugin().configure({ key: KEY }).register();
  npm = await captureRegistration();
  plugin.unregister();
  expect(getChartMetadataRegistry().has(KEY)).toBe(false);

  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '-c', 'webpack.dynamic.config.js', '--output-path', OUT],
    { cwd: ROOT, stdio: 'pipe' },
  );
  const shared: Record<string, unknown> = {
    react: React,
    'react-dom': ReactDOM,
    lodash,
    '@superset-ui/core': core,
    '@superset-ui/chart-controls': chartControls,
  };
  Object.entries(shared).forEach(([name, module]) => {
    (window as unknown as Record<string, unknown>)[`__superset__/${name}`] = module;
  });
  bundleExports = evaluateBundle(path.join(OUT, 'customer-profile.js'));
  dynamic = await captureRegistration();
}, 180000);

test('the bundle registers itself, under the same key, with objects of its own', () => {
  expect(bundleExports.DYNAMIC_PLUGIN_KEY).toBe(KEY);
  // Not the npm route's objects left behind: that registration was removed before the bundle ran.
  expect(dynamic.metadata).not.toBe(npm.metadata);
  expect(dynamic.buildQuery).not.toBe(npm.buildQuery);
  expect(dynamic.metadata).toBeInstanceOf(core.ChartMetadata);
});

test('same metadata: name, description, category, tags, behaviors, a thumbnail', () => {
  const pick = (m: core.ChartMetadata) => ({
    name: m.name,
    description: m.description,
    category: m.category,
    tags: m.tags,
    behaviors: m.behaviors,
    deprecated: m.deprecated,
    useLegacyApi: m.useLegacyApi,
    hasThumbnail: typeof m.thumbnail === 'string' && m.thumbnail.length > 0,
  });
  expect(pick(dynamic.metadata)).toEqual(pick(npm.metadata));
  expect(npm.metadata.name).toBe('Customer Profile 360');
  // The bundle carries its thumbnail inline: nothing is fetched relative to the bundle's URL.
  expect(dynamic.metadata.thumbnail).toMatch(/^data:image\/png;base64,/);
});

test('same control panel: section labels, control names, types and defaults', () => {
  const npmPanel = describeControlPanel(npm.controlPanel);
  expect(describeControlPanel(dynamic.controlPanel)).toEqual(npmPanel);
  expect(npmPanel.map(section => section.label)).toContain('Column mapping');
  expect(Object.keys(defaultsOf(npm.controlPanel))).toEqual(
    expect.arrayContaining(['default_tab', 'show_financial_data', 'show_sensitive_data']),
  );
});

describe('same query for the same form data', () => {
  const base = () => ({
    datasource: '7__table',
    viz_type: KEY,
    ...defaultsOf(npm.controlPanel),
  });
  const cases: Array<[string, () => Record<string, unknown>, string]> = [
    ['the control panel defaults', base, 'customer_id'],
    [
      'financial data off, sensitive data on',
      () => ({
        ...base(),
        show_financial_data: false,
        show_sensitive_data: true,
      }),
      'customer_id',
    ],
    [
      'mapped columns, a filter and a row limit',
      () => ({
        ...base(),
        column_customer_id: 'account_id',
        column_customer_name: 'account_name',
        row_limit: 5,
        adhoc_filters: [
          {
            expressionType: 'SIMPLE',
            clause: 'WHERE',
            subject: 'segment',
            operator: '==',
            comparator: 'Enterprise',
          },
        ],
      }),
      'account_id',
    ],
  ];
  test.each(cases)('%s', (_name, formData, idColumn) => {
    const npmQuery = plain(npm.buildQuery(formData()));
    expect(plain(dynamic.buildQuery(formData()))).toEqual(npmQuery);
    expect(npmQuery.queries[0].columns).toContain(idColumn);
  });
});

describe('same props for the same chart data', () => {
  const chartProps = (rows: Record<string, unknown>[], formData: Record<string, unknown> = {}) => ({
    width: 900,
    height: 700,
    rawFormData: { datasource: '7__table', viz_type: KEY, ...formData },
    formData: { datasource: '7__table', vizType: KEY, ...formData },
    queriesData: [{ data: rows, colnames: Object.keys(rows[0] ?? {}) }],
    datasource: {
      columns: Object.keys(acmeRow).map(column_name => ({ column_name })),
    },
  });
  const cases: Array<[string, () => ReturnType<typeof chartProps>]> = [
    ['the seed customer', () => chartProps([acmeRow])],
    [
      'two customers, sensitive data on',
      () =>
        chartProps([acmeRow, rowWith({ customer_id: 'B-2', customer_name: 'Beta' })], { show_sensitive_data: true }),
    ],
    ['a broken row', () => chartProps([rowWith({ current_arr: 'not a number', arr_history: '[{broken' })])],
    [
      'no rows',
      () => ({
        ...chartProps([acmeRow]),
        queriesData: [{ data: [], colnames: ['customer_id'] }],
      }),
    ],
  ];
  test.each(cases)('%s', (_name, input) => {
    const npmProps = plain(npm.transformProps(input()));
    expect(plain(dynamic.transformProps(input()))).toEqual(npmProps);
    expect(npmProps.width).toBe(900);
  });
});
