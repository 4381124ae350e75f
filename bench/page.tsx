/**
 * The bench page. Everything is measured here, in the page, with performance.now(); bench/run.js only drives it and
 * takes medians. Each measure returns its raw samples (warm-up runs are run and dropped here).
 *
 * "Painted": the commit is done (and, for what loads asynchronously, the DOM shows the result), then the next frame
 * runs: a requestAnimationFrame callback posts a message, and that message's task runs once the frame's style, layout
 * and paint are done. The browser runs without vsync (bench/run.js) and every span starts after a quiet moment, so
 * that frame comes at once instead of on a 16.7 ms grid; `floor` is what the technique costs for a one-node change.
 *
 * The chart renders as in Superset: the plugin registered, SuperChart with form data and the query result, under a
 * theme that holds both Superset 6's token names (read by this plugin) and Superset 4/5's (read by the table chart).
 */
import * as React from 'react';
import ReactDOM from 'react-dom';
import { ThemeProvider } from '@emotion/react';
import { ChartProps, configure as configureTranslation, GenericDataType, SuperChart, supersetTheme } from '@superset-ui/core';
import TableChartPlugin from '@superset-ui/plugin-chart-table';
import { CustomerProfileChartPlugin } from '../src';
import { DEFAULT_FORM_DATA } from '../src/plugin/formData';
import transformProps, { CustomerProfileProps } from '../src/plugin/transformProps';
import CustomerProfileChart from '../src/components/CustomerProfileChart';
import { setLocale } from '../src/i18n';
import { SAMPLE_THEMES } from '../src/theme/tokens';
import type { TabId } from '../src/model/constants';
import { acmeRow, activities, heavyRow, rowWithActivities } from './fixtures';

const OURS = 'customer_profile';
const TABLE = 'table';
const SIZE = { width: 1200, height: 800 };
const THEME = { ...supersetTheme, ...SAMPLE_THEMES.light };

// What Superset does at boot: its translator configured (English), then the plugins registered.
configureTranslation();
setLocale('en');
new CustomerProfileChartPlugin().configure({ key: OURS }).register();
new TableChartPlugin().configure({ key: TABLE }).register();

type Row = Record<string, unknown>;
declare global {
  interface Window {
    gc?: () => void;
    bench: typeof bench;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rows and query results
// ---------------------------------------------------------------------------------------------------------------

type RowName = 'seed' | 'heavy' | 'heavy-arrays' | `activities-${number}`;
const rowCache = new Map<string, Row>();
function rowOf(name: RowName): Row {
  if (!rowCache.has(name)) {
    const row =
      name === 'seed'
        ? acmeRow
        : name === 'heavy'
          ? heavyRow('json')
          : name === 'heavy-arrays'
            ? heavyRow('arrays')
            : rowWithActivities(Number(name.split('-')[1]), 'json');
    rowCache.set(name, row);
  }
  return rowCache.get(name) as Row;
}

type FormOverrides = Record<string, unknown>;
const formDataOf = (defaultTab: TabId = 'overview', overrides: FormOverrides = {}) => ({
  ...DEFAULT_FORM_DATA,
  datasource: '1__table',
  viz_type: OURS,
  default_tab: defaultTab,
  ...overrides,
});

function queryOf(row: Row) {
  const colnames = Object.keys(row);
  return {
    queriesData: [{ data: [row], colnames, rowcount: 1 }],
    datasource: { columns: colnames.map(column_name => ({ column_name })) },
  };
}

/** The ChartProps SuperChart would build, for transformProps alone. */
function chartPropsOf(row: Row, defaultTab?: TabId, overrides?: FormOverrides) {
  return new ChartProps({ ...SIZE, formData: formDataOf(defaultTab, overrides), ...queryOf(row) } as never);
}

const TABLE_COLUMNS = ['activity_id', 'activity_date', 'type', 'subject', 'owner', 'outcome'];
/**
 * The same activities as a raw-records table result, dates as epoch ms (Superset's wire form for a temporal column).
 * `pageLength` undefined: the control's default (the table pages 200 rows once rows x columns exceed 5,000).
 */
function tableQuery(count: number, pageLength?: number) {
  const data = activities(count).map(a => ({ ...a, activity_date: Date.parse(`${a.activity_date}T00:00:00Z`) }));
  return {
    formData: {
      datasource: '1__table',
      viz_type: TABLE,
      query_mode: 'raw',
      all_columns: TABLE_COLUMNS,
      server_pagination: false,
      ...(pageLength === undefined ? {} : { page_length: pageLength }),
    },
    queriesData: [
      {
        data,
        colnames: TABLE_COLUMNS,
        coltypes: TABLE_COLUMNS.map(c => (c === 'activity_date' ? GenericDataType.Temporal : GenericDataType.String)),
        rowcount: data.length,
      },
    ],
    datasource: { columns: TABLE_COLUMNS.map(column_name => ({ column_name })) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Timing primitives
// ---------------------------------------------------------------------------------------------------------------

/** Resolves, with the time, after the next frame's rendering (style, layout, paint) has run. */
function afterNextPaint(): Promise<number> {
  return new Promise(resolve => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/** Resolves as soon as `done()` holds, checking after every DOM mutation (a microtask after it). */
function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('bench: timed out waiting for the DOM'));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
}

/**
 * With profiling on (bench/run.js --profile), each timed span is one CPU profile: console.profile() reaches the
 * runner through CDP's Profiler.consoleProfileFinished, so untimed set-up (mounting before a tab switch, GCs) stays
 * out of the profiles.
 */
let profiling = false;
/* eslint-disable no-console -- the profiler's own API */
const profileStart = () => profiling && console.profile('bench span');
const profileEnd = () => profiling && console.profileEnd('bench span');
/* eslint-enable no-console */

/** Time from `start()` to the frame painted after `done()` holds. */
async function timeToPaint(start: () => void, done: () => boolean): Promise<number> {
  profileStart();
  const t0 = performance.now();
  start();
  await until(done);
  const t1 = await afterNextPaint();
  profileEnd();
  return t1 - t0;
}

/**
 * Chromium, unthrottled, draws a frame at once when the previous one is some time past, but right after a frame it
 * still waits out ~16.7 ms; every timed span starts after this quiet time, so it measures work, not that wait.
 */
const QUIET_MS = 30;
const quiet = () => new Promise(resolve => setTimeout(resolve, QUIET_MS));

const collect = () => {
  window.gc?.();
};

let container: HTMLDivElement | undefined;
function freshContainer(): HTMLDivElement {
  unmount();
  container = document.createElement('div');
  container.style.cssText = `width:${SIZE.width}px;height:${SIZE.height}px;overflow:hidden;contain:strict`;
  document.body.appendChild(container);
  return container;
}
function unmount() {
  if (!container) return;
  ReactDOM.unmountComponentAtNode(container);
  container.remove();
  container = undefined;
}

/** Runs `once` warmup + runs times, keeps the last `runs` samples; a GC and a quiet frame between runs. */
async function repeat<T>(runs: number, warmup: number, once: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    unmount();
    collect();
    await afterNextPaint();
    await quiet();
    const sample = await once();
    if (i >= warmup) out.push(sample);
  }
  unmount();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What "rendered" looks like
// ---------------------------------------------------------------------------------------------------------------

// Matched by class suffix: the chart may give antd its own prefix (ant-, or one of its own), and the bench measures
// whichever it uses.
const activePane = (root: Element, tab: TabId) => {
  const pane = root.querySelector('[class*="-tabs-tabpane-active"]');
  return pane && pane.id.endsWith(`-panel-${tab}`) && pane.childElementCount > 0 && !pane.querySelector('[class*="-spin-spinning"]')
    ? pane
    : null;
};
const showsTab = (root: Element, tab: TabId) => () => !!activePane(root, tab);
const showsTimeline = (root: Element) => () => !!root.querySelector('[role="region"][aria-label="Activity events"] li');
const showsTable = (root: Element) => () => !!root.querySelector('table tbody tr td');

function clickTab(root: Element, tab: TabId) {
  const button = root.querySelector<HTMLElement>(`[data-node-key="${tab}"] [role="tab"]`);
  if (!button) throw new Error(`bench: no tab ${tab}`);
  button.click();
}

/** transformProps, as SuperChart would call it. */
const propsOf = (row: Row, defaultTab?: TabId, overrides?: FormOverrides) =>
  transformProps(chartPropsOf(row, defaultTab, overrides) as never);

/** The chart component under the host's theme, as SuperChart renders it after transformProps. */
const chart = (props: CustomerProfileProps) => (
  <ThemeProvider theme={THEME}>
    <CustomerProfileChart {...props} />
  </ThemeProvider>
);

/** ReactDOM.render, its return value unused. */
function render(element: React.ReactElement, root: Element): void {
  ReactDOM.render(element, root);
}

/** The plugin through SuperChart: transformProps included. */
const ours = (row: Row, defaultTab: TabId = 'overview', overrides?: FormOverrides) => (
  <ThemeProvider theme={THEME}>
    <SuperChart
      chartType={OURS}
      {...SIZE}
      formData={formDataOf(defaultTab, overrides)}
      {...queryOf(row)}
      enableNoResults={false}
    />
  </ThemeProvider>
);

/** Superset's table chart through SuperChart. */
const table = (query: ReturnType<typeof tableQuery>) => (
  <ThemeProvider theme={THEME}>
    <SuperChart chartType={TABLE} {...SIZE} {...query} enableNoResults={false} />
  </ThemeProvider>
);

const timelineRows = (root: Element) => root.querySelectorAll('[role="region"][aria-label="Activity events"] li').length;
const tableRows = (root: Element) => root.querySelectorAll('table tbody tr').length;

/**
 * Render-only control changes, each from the defaults to a value that changes what is shown on the seed's (and the
 * heavy row's) Acme: health 45 stops being critical below 40, so the status and the alert banner change; a tab
 * fewer changes the tab bar. A change that left the DOM as it was would not produce a frame to wait for.
 */
const CONTROL_CHANGES: Record<string, FormOverrides> = {
  threshold: { health_critical_threshold: 40 },
  'visible-tabs': { visible_tabs: ['overview', 'products', 'revenue', 'health', 'activity', 'contacts'] },
};

// ---------------------------------------------------------------------------------------------------------------
// The measures
// ---------------------------------------------------------------------------------------------------------------

const bench = {
  info() {
    return {
      crossOriginIsolated: window.crossOriginIsolated,
      gc: typeof window.gc === 'function',
      memory: !!performance.memory,
      userAgent: navigator.userAgent,
      react: React.version,
    };
  },

  /**
   * The cost of the "painted" technique itself: one text node changed, then the next frame. (With no change at all,
   * Chromium does not produce a frame at once but on its idle 60 Hz timer, which no measure here hits: each changes
   * the DOM.)
   */
  async floor(runs: number, warmup: number) {
    const root = freshContainer();
    const text = root.appendChild(document.createTextNode(''));
    let i = 0;
    const samples = [];
    for (let run = 0; run < warmup + runs; run += 1) {
      await afterNextPaint();
      await quiet();
      const t0 = performance.now();
      i += 1;
      text.data = String(i);
      const time = (await afterNextPaint()) - t0;
      if (run >= warmup) samples.push(time);
    }
    unmount();
    return samples;
  },

  /**
   * transformProps alone, on the ChartProps SuperChart would build. A new query result every run, as after a
   * re-query: transformProps keeps the parse of the same rows, which would make a repeated call a cache hit.
   */
  async transformProps(rowName: RowName, runs: number, warmup: number) {
    return repeat(runs, warmup, async () => {
      const chartProps = chartPropsOf(rowOf(rowName));
      profileStart();
      const t0 = performance.now();
      transformProps(chartProps as never);
      const t1 = performance.now();
      profileEnd();
      return t1 - t0;
    });
  },

  /** The chart component, props from transformProps beforehand (not timed): mount to the painted Overview. */
  async mountOverview(rowName: RowName, runs: number, warmup: number) {
    const props = propsOf(rowOf(rowName));
    return repeat(runs, warmup, async () => {
      const root = freshContainer();
      return timeToPaint(() => render(chart(props), root), showsTab(root, 'overview'));
    });
  },

  /** Through SuperChart (transformProps included): mount to the painted Overview. */
  async mountOverviewSuperChart(rowName: RowName, runs: number, warmup: number) {
    const row = rowOf(rowName);
    return repeat(runs, warmup, async () => {
      const root = freshContainer();
      return timeToPaint(() => render(ours(row), root), showsTab(root, 'overview'));
    });
  },

  /**
   * Overview shown (not timed), then a click on `tab`: click to the new panel painted. The lazy chunk was loaded by
   * the warm-up runs. The chart component with props from one transformProps: the switch does not run it.
   */
  async tabSwitch(rowName: RowName, tab: TabId, runs: number, warmup: number) {
    const props = propsOf(rowOf(rowName));
    return repeat(runs, warmup, async () => {
      const root = freshContainer();
      render(chart(props), root);
      await until(showsTab(root, 'overview'));
      await afterNextPaint();
      await quiet();
      return timeToPaint(() => clickTab(root, tab), showsTab(root, tab));
    });
  },

  /**
   * On a fresh page, the first open of each tab, one after the other (a new mount for each): its chunk fetched from
   * the server (never cached) and evaluated, then the panel painted.
   */
  async firstOpens(tabs: TabId[]) {
    const props = propsOf(rowOf('seed'));
    const times: Record<string, number> = {};
    for (const tab of tabs) {
      const root = freshContainer();
      render(chart(props), root);
      await until(showsTab(root, 'overview'));
      await afterNextPaint();
      await quiet();
      times[tab] = await timeToPaint(() => clickTab(root, tab), showsTab(root, tab));
      unmount();
    }
    return times;
  },

  /** Mount (SuperChart, transformProps included) with Activity as the default tab: to the timeline painted. */
  async activity(count: number, runs: number, warmup: number) {
    const row = rowOf(`activities-${count}`);
    let nodes = 0;
    let rows = 0;
    const samples = await repeat(runs, warmup, async () => {
      const root = freshContainer();
      const time = await timeToPaint(() => render(ours(row, 'activity'), root), showsTimeline(root));
      nodes = root.getElementsByTagName('*').length;
      rows = root.querySelectorAll('[role="region"][aria-label="Activity events"] li').length;
      return time;
    });
    return { samples, nodes, rows };
  },

  /** The same, the chart component alone after transformProps (not timed). */
  async activityComponent(count: number, runs: number, warmup: number) {
    const props = propsOf(rowOf(`activities-${count}`), 'activity');
    return repeat(runs, warmup, async () => {
      const root = freshContainer();
      return timeToPaint(() => render(chart(props), root), showsTimeline(root));
    });
  },

  /** Superset's table chart through SuperChart, the same activities as rows: mount to the first rows painted. */
  async table(count: number, runs: number, warmup: number, pageLength?: number) {
    const query = tableQuery(count, pageLength);
    let nodes = 0;
    let rows = 0;
    const samples = await repeat(runs, warmup, async () => {
      const root = freshContainer();
      const time = await timeToPaint(() => render(table(query), root), showsTable(root));
      nodes = root.getElementsByTagName('*').length;
      rows = tableRows(root);
      return time;
    });
    return { samples, nodes, rows };
  },

  /**
   * Ours against Superset's table chart on the same `count` activities, interleaved: every round mounts each side
   * once, the order turned round every round (ABBA), so drift in the machine's load falls on both sides alike.
   * Ours: SuperChart (transformProps included) with the Activity tab first, to its timeline painted. The table:
   * SuperChart to its first rows painted, once with a page as long as the rows ours painted (the same rows on
   * screen) and once with its default page. Every side reports how many rows it painted and its DOM nodes.
   */
  async versus(count: number, runs: number, warmup: number) {
    const row = rowOf(`activities-${count}`);
    // One untimed mount tells how many rows our windowed timeline paints in this chart size.
    let root = freshContainer();
    render(ours(row, 'activity'), root);
    await until(showsTimeline(root));
    const windowRows = timelineRows(root);
    unmount();
    const sides = [
      { name: 'ours', element: () => ours(row, 'activity'), done: showsTimeline, count: timelineRows },
      { name: 'table, same rows', element: () => table(tableQuery(count, windowRows)), done: showsTable, count: tableRows },
      { name: 'table, default page', element: () => table(tableQuery(count)), done: showsTable, count: tableRows },
    ];
    const out = sides.map(side => ({ name: side.name, samples: [] as number[], rows: 0, nodes: 0 }));
    for (let round = 0; round < warmup + runs; round += 1) {
      const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
      for (const i of order) {
        unmount();
        collect();
        await afterNextPaint();
        await quiet();
        root = freshContainer();
        const element = sides[i].element();
        const time = await timeToPaint(() => render(element, root), sides[i].done(root));
        out[i].rows = sides[i].count(root);
        out[i].nodes = root.getElementsByTagName('*').length;
        if (round >= warmup) out[i].samples.push(time);
      }
    }
    unmount();
    return out;
  },

  /**
   * A render-only control change on a mounted chart showing the Overview (not timed): the chart component rendered
   * again with the props transformProps gives for the new form data (worked out beforehand, not timed), to the next
   * frame painted. `changed` tells whether the DOM changed (the change was seen).
   */
  async controlChange(rowName: RowName, change: string, runs: number, warmup: number) {
    const row = rowOf(rowName);
    const before = propsOf(row);
    const after = propsOf(row, undefined, CONTROL_CHANGES[change]);
    let changed = true;
    const samples = await repeat(runs, warmup, async () => {
      const root = freshContainer();
      render(chart(before), root);
      await until(showsTab(root, 'overview'));
      await afterNextPaint();
      await quiet();
      const html = root.innerHTML;
      const time = await timeToPaint(() => render(chart(after), root), () => true);
      changed = changed && root.innerHTML !== html;
      return time;
    });
    return { samples, changed };
  },

  /**
   * The same change as Superset makes it: SuperChart given the new form data, so transformProps runs again on the
   * same query result before the chart renders.
   */
  async controlChangeSuperChart(rowName: RowName, change: string, runs: number, warmup: number) {
    const row = rowOf(rowName);
    let changed = true;
    const samples = await repeat(runs, warmup, async () => {
      const root = freshContainer();
      render(ours(row), root);
      await until(showsTab(root, 'overview'));
      await afterNextPaint();
      await quiet();
      const html = root.innerHTML;
      // SuperChart renders a loaded chart synchronously (React 17's legacy root): the DOM is final when render()
      // returns, and `changed` says so.
      const time = await timeToPaint(() => render(ours(row, 'overview', CONTROL_CHANGES[change]), root), () => true);
      changed = changed && root.innerHTML !== html;
      return time;
    });
    return { samples, changed };
  },

  /**
   * usedJSHeapSize after GCs, around a mount of the row with the Overview painted. `mounted`: the heap with the chart
   * mounted minus the heap before. `retained`: how much the heap before the next sample's mount has grown, i.e. what
   * one mount and unmount never give back. `via`: through SuperChart (transformProps included), or the chart
   * component (transformProps inside the span too).
   *
   * React 17 keeps the tree of a recently committed root until later commits replace it, so before each reading the
   * seed row is mounted and unmounted with the chart component: each reading then carries a small seed tree instead
   * of whatever the previous sample left there.
   */
  async memory(rowName: RowName, via: 'superchart' | 'component', runs: number, warmup: number) {
    const row = rowOf(rowName);
    const seedProps = propsOf(rowOf('seed'));
    // Several GCs, a task apart, so that Blink's side of the heap (detached DOM) is collected too.
    const heap = async () => {
      for (let i = 0; i < 3; i += 1) {
        collect();
        await new Promise(resolve => setTimeout(resolve, 0));
      }
      return performance.memory ? performance.memory.usedJSHeapSize : NaN;
    };
    const flush = async () => {
      const root = freshContainer();
      render(chart(seedProps), root);
      await afterNextPaint();
      unmount();
      await afterNextPaint();
    };
    const befores: number[] = [];
    const mounted: number[] = [];
    for (let i = 0; i <= warmup + runs; i += 1) {
      await flush();
      const before = await heap();
      if (i >= warmup) befores.push(before);
      if (i === warmup + runs) break;
      await quiet();
      const root = freshContainer();
      const element = via === 'superchart' ? ours(row) : chart(propsOf(row));
      await timeToPaint(() => render(element, root), showsTab(root, 'overview'));
      const withChart = await heap();
      if (i >= warmup) mounted.push(withChart - before);
      unmount();
    }
    return mounted.map((m, i) => ({ mounted: m, retained: befores[i + 1] - befores[i] }));
  },

  /** For the profiler: one scenario repeated, each timed span profiled; returns the samples. */
  async scenario(name: string, runs: number, profile: boolean) {
    profiling = profile;
    try {
      return await bench.runScenario(name, runs);
    } finally {
      profiling = false;
    }
  },

  async runScenario(name: string, runs: number): Promise<unknown> {
    const [kind, arg] = name.split(':');
    if (kind === 'transformProps') return bench.transformProps(arg as RowName, runs, 0);
    if (kind === 'overview') return bench.mountOverview(arg as RowName, runs, 0);
    if (kind === 'superchart') return bench.mountOverviewSuperChart(arg as RowName, runs, 0);
    if (kind === 'tab') return bench.tabSwitch('seed', arg as TabId, runs, 0);
    if (kind === 'heavytab') return bench.tabSwitch('heavy', arg as TabId, runs, 0);
    if (kind === 'activity') return bench.activity(Number(arg), runs, 0);
    if (kind === 'table') return bench.table(Number(arg), runs, 0);
    if (kind === 'control') return bench.controlChange('heavy', arg, runs, 0);
    if (kind === 'supercontrol') return bench.controlChangeSuperChart('heavy', arg, runs, 0);
    throw new Error(`bench: unknown scenario ${name}`);
  },
};

window.bench = bench;
document.documentElement.dataset.benchReady = 'true';
