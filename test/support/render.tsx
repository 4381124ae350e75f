/**
 * Render helpers that work under React 17 (ReactDOM.render) and React 18 (createRoot), with @testing-library/dom
 * queries and events wrapped in act(), as @testing-library/react does for one React version at a time.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as TestUtils from 'react-dom/test-utils';
import { configure as configureDom } from '@testing-library/dom';
import { supersetTheme, ThemeProvider } from '@superset-ui/core';
import transformProps, { CustomerProfileChartProps, CustomerProfileProps } from '../../src/plugin/transformProps';
import CustomerProfileChart from '../../src/components/CustomerProfileChart';
import { ProfileContext } from '../../src/components/context';
import { buildContextValue } from '../../src/components/buildContext';
import { resolveOptions, CustomerProfileFormData } from '../../src/plugin/formData';
import { parseRow } from '../../src/model/parse';
import { redactProfile } from '../../src/model/redact';
import { getTokens } from '../../src/theme/tokens';
import { acmeRow, TODAY } from './fixtures';

type Act = (callback: () => unknown) => unknown;
export const act: Act = ((React as unknown as { act?: Act }).act ?? TestUtils.act) as Act;
export const isReact18 = React.version.startsWith('18');

const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };

configureDom({
  eventWrapper: cb => {
    let result: unknown;
    act(() => {
      result = cb();
    });
    return result;
  },
  // React 17: wait inside one async act(), as @testing-library/react 12 does. React 18 queues updates made inside
  // act() until it ends, so waiting inside act() would never see them: like @testing-library/react 13+, leave the act
  // environment while waiting and let React flush on its own.
  asyncWrapper: isReact18
    ? async cb => {
        const previous = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
        actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
        try {
          return await cb();
        } finally {
          actEnvironment.IS_REACT_ACT_ENVIRONMENT = previous;
        }
      }
    : async cb => {
        let result: unknown;
        await act(async () => {
          result = await cb();
        });
        return result;
      },
});

interface Mounted {
  container: HTMLElement;
  rerender: (ui: React.ReactElement) => void;
  unmount: () => void;
}
const mounted: Mounted[] = [];

export function render(ui: React.ReactElement): Mounted {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let rerender: (next: React.ReactElement) => void;
  let unmount: () => void;
  if (isReact18) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { createRoot } = require('react-dom/client');
    const root = createRoot(container);
    rerender = next => act(() => root.render(next));
    unmount = () => act(() => root.unmount());
  } else {
    rerender = next =>
      act(() => {
        ReactDOM.render(next, container);
      });
    unmount = () =>
      act(() => {
        ReactDOM.unmountComponentAtNode(container);
      });
  }
  rerender(ui);
  const entry = { container, rerender, unmount };
  mounted.push(entry);
  return entry;
}

afterEach(() => {
  while (mounted.length) {
    const entry = mounted.pop() as Mounted;
    entry.unmount();
    entry.container.remove();
  }
  window.localStorage.clear();
});

/**
 * Fixes "today" at the fixtures' TODAY for the tests of a file. Only the clock is faked: timers run for real, as
 * antd and React.lazy need them.
 */
export function fixToday() {
  beforeEach(() => {
    jest.useFakeTimers({
      now: TODAY,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'queueMicrotask',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'hrtime',
        'performance',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());
}

export function withTheme(ui: React.ReactElement, theme: object = supersetTheme) {
  return <ThemeProvider theme={theme as typeof supersetTheme}>{ui}</ThemeProvider>;
}

export interface ChartInput {
  rows?: Record<string, unknown>[];
  formData?: Partial<CustomerProfileFormData>;
  colnames?: string[];
  width?: number;
  height?: number;
  datasourceColumns?: string[];
  /** What a Superset dashboard hands the chart: its hooks, this chart's filter state, cross-filtering on or off. */
  dashboard?: Pick<CustomerProfileChartProps, 'hooks' | 'filterState' | 'emitCrossFilters'>;
}

export function chartProps({
  rows = [acmeRow],
  formData = {},
  colnames,
  width = 1200,
  height = 800,
  datasourceColumns,
  dashboard,
}: ChartInput = {}): CustomerProfileProps {
  return transformProps(
    {
      width,
      height,
      rawFormData: { datasource: '1__table', viz_type: 'customer_profile', ...formData },
      queriesData: [{ data: rows, colnames: colnames ?? (rows[0] ? Object.keys(rows[0]) : []) }],
      datasource: datasourceColumns ? { columns: datasourceColumns.map(column_name => ({ column_name })) } : {},
      ...dashboard,
    },
    TODAY,
  );
}

/** Renders the whole chart, as Superset would after transformProps. */
export function renderChart(input: ChartInput = {}, theme?: object) {
  return render(withTheme(<CustomerProfileChart {...chartProps(input)} />, theme));
}

/** Renders one panel in the context of one customer. */
export function renderPanel(
  Panel: React.ComponentType,
  {
    row = acmeRow,
    formData = {},
    compact = false,
  }: { row?: Record<string, unknown>; formData?: Partial<CustomerProfileFormData>; compact?: boolean } = {},
) {
  const options = resolveOptions(formData);
  const parsed = parseRow(row);
  if (!parsed.profile) throw new Error('fixture row has no customer id');
  const profile = redactProfile(parsed.profile, options.permissions);
  const value = buildContextValue(profile, options, getTokens(supersetTheme), TODAY, compact);
  return render(
    withTheme(
      <ProfileContext.Provider value={value}>
        <React.Suspense fallback={null}>
          <Panel />
        </React.Suspense>
      </ProfileContext.Provider>,
    ),
  );
}
