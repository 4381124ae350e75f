/**
 * The live demo page. The plugin is registered and rendered as Superset does it: ChartPlugin.register() under the
 * key 'customer_profile', then SuperChart with form data and the chart-data API's result. Around it, what explore
 * and a dashboard would provide: a control panel generated from getControlPanel(), a customer filter, the host's
 * theme (light/dark), the chart's size (dashboard tile or full width) and the language.
 *
 * Form data changes follow explore's rule: when only renderTrigger controls changed, the chart re-renders with the
 * data it has; any other change runs the plugin's buildQuery and POSTs the query context to /api/v1/chart/data.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import ReactDOM from 'react-dom';
import { Global, ThemeProvider } from '@emotion/react';
import styled from '@emotion/styled';
import { AdhocFilter, QueryFormData, SuperChart } from '@superset-ui/core';
import { CustomerProfileChartPlugin } from '../src';
import buildQuery from '../src/plugin/buildQuery';
import { getControlPanel } from '../src/plugin/controlPanel';
import { DEFAULT_FORM_DATA } from '../src/plugin/formData';
import { setLocale } from '../src/i18n';
import ControlPanel from './ControlPanel';
import { allControls, DatasourceColumn, defaultFormData, needsQuery, readControlPanel } from './controls';
import { demoTheme, FONT_FAMILY, linkColourOf, ThemeName, themeOf } from './theme';

const CHART_TYPE = 'customer_profile';
const DEFAULT_CUSTOMER = 'ACME-001';
const TILE = { width: 400, height: 300 };
const FULL_HEIGHT = 800;
const LANGUAGES = [
  ['en', 'English'],
  ['ru', 'Русский'],
] as const;
type Language = (typeof LANGUAGES)[number][0];
type Size = 'tile' | 'full';

new CustomerProfileChartPlugin().configure({ key: CHART_TYPE }).register();

interface Customer {
  id: string;
  name: string;
  health: number | null;
}

interface QueryResult {
  data?: unknown[];
  colnames?: string[];
  [key: string]: unknown;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body?.message ?? `${response.status} ${response.statusText}`);
  return body as T;
}

/** The customer filter as a dashboard's native filter reaches the chart: an extra adhoc filter. */
function customerFilter(customerId: string): AdhocFilter[] {
  return customerId
    ? [
        {
          expressionType: 'SIMPLE',
          subject: 'customer_id',
          operator: '==',
          comparator: customerId,
          clause: 'WHERE',
          isExtra: true,
        },
      ]
    : [];
}

/** Explore hands the page's query string to the query as url_params (a dashboard link's ?customer_id=...). */
const urlParams = () => Object.fromEntries(new URLSearchParams(window.location.search));

// ---------------------------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------------------------

const Page = styled.div(({ theme }) => {
  const k = demoTheme(theme);
  return { display: 'grid', gridTemplateColumns: '340px minmax(0, 1fr)', minHeight: '100vh', background: k.colorBgLayout };
});

const Sidebar = styled.aside(({ theme }) => {
  const k = demoTheme(theme);
  return {
    background: k.colorBgContainer,
    borderRight: `1px solid ${k.colorBorderSecondary}`,
    padding: k.sizeUnit * 4,
    overflowY: 'auto',
    maxHeight: '100vh',
    position: 'sticky',
    top: 0,
    boxSizing: 'border-box',
    h1: { fontSize: k.fontSize + 4, margin: `0 0 ${k.sizeUnit * 2}px` },
  };
});

const Main = styled.main(({ theme }) => {
  const k = demoTheme(theme);
  return { padding: k.sizeUnit * 6, minWidth: 0, display: 'flex', flexDirection: 'column', gap: k.sizeUnit * 4 };
});

const Toolbar = styled.div(({ theme }) => {
  const k = demoTheme(theme);
  return {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: k.sizeUnit * 6,
    fieldset: { border: 0, margin: 0, padding: 0, display: 'flex', gap: k.sizeUnit * 3, alignItems: 'center' },
    legend: { fontWeight: 500, padding: 0, marginBottom: k.sizeUnit },
    'label.radio': { display: 'inline-flex', gap: k.sizeUnit, alignItems: 'center' },
    select: {
      font: 'inherit',
      color: k.colorText,
      background: k.colorBgContainer,
      border: `1px solid ${k.colorBorderSecondary}`,
      borderRadius: k.borderRadius,
      padding: `${k.sizeUnit}px ${k.sizeUnit * 2}px`,
      marginTop: k.sizeUnit,
      display: 'block',
    },
    '.field > label': { fontWeight: 500 },
  };
});

const Status = styled.output(({ theme }) => {
  const k = demoTheme(theme);
  return { color: k.colorTextSecondary, marginLeft: 'auto' };
});

const ChartArea = styled.div({ minWidth: 0 });

const ChartBox = styled.div<{ boxWidth: number; boxHeight: number }>(({ theme, boxWidth, boxHeight }) => {
  const k = demoTheme(theme);
  return {
    width: boxWidth,
    height: boxHeight,
    outline: `1px solid ${k.colorBorderSecondary}`,
    background: k.colorBgContainer,
  };
});

const ErrorBox = styled.div(({ theme }) => {
  const k = demoTheme(theme);
  return { color: k.colorError, border: `1px solid ${k.colorError}`, padding: k.sizeUnit * 3, borderRadius: k.borderRadius };
});

/** What Superset 6's GlobalStyles give every page: background, text colour and font, and the link colour. */
function PageStyles({ themeName }: { themeName: ThemeName }) {
  const link = useMemo(() => linkColourOf(themeName), [themeName]);
  return (
    <Global
      styles={theme => {
        const k = demoTheme(theme);
        return {
          body: { margin: 0, background: k.colorBgLayout, color: k.colorText, fontFamily: FONT_FAMILY, fontSize: k.fontSize },
          a: { color: link },
          'input, select, button': { accentColor: k.colorPrimary },
        };
      }}
    />
  );
}

/** The chart area's width, for the full-width size. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => setWidth(Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

// ---------------------------------------------------------------------------------------------------------------
// The demo
// ---------------------------------------------------------------------------------------------------------------

interface ChartState {
  formData: QueryFormData;
  queriesData: QueryResult[];
}

type Status = { state: 'loading' | 'ready' | 'error'; message?: string; queries: number };

function Demo({ customers, columns }: { customers: Customer[]; columns: DatasourceColumn[] }) {
  const [language, setLanguage] = useState<Language>('en');
  const [themeName, setThemeName] = useState<ThemeName>('light');
  const [size, setSize] = useState<Size>('full');
  const initialCustomer = useMemo(() => {
    const fromUrl = urlParams().customer_id;
    return customers.some(c => c.id === fromUrl) ? fromUrl : DEFAULT_CUSTOMER;
  }, [customers]);
  const [customerId, setCustomerId] = useState(initialCustomer);

  // Rebuilt per language: the plugin's labels are translated when getControlPanel() is called.
  const sections = useMemo(
    () => readControlPanel(getControlPanel(), columns, DEFAULT_FORM_DATA.row_limit),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, language],
  );
  const renderTriggers = useMemo(
    () => new Set(allControls(sections).filter(c => c.renderTrigger).map(c => c.name)),
    [sections],
  );
  const [formData, setFormData] = useState<QueryFormData>(() =>
    defaultFormData(sections, {
      datasource: '1__table',
      viz_type: CHART_TYPE,
      adhoc_filters: customerFilter(initialCustomer),
      url_params: urlParams(),
    } as Partial<QueryFormData>),
  );
  const datasource = useMemo(() => ({ columns }), [columns]);

  const [chart, setChart] = useState<ChartState>();
  const [status, setStatus] = useState<Status>({ state: 'loading', queries: 0 });
  const queried = useRef<QueryFormData>();
  const latest = useRef(formData);
  latest.current = formData;
  const sequence = useRef(0);
  const inFlight = useRef(false);

  useEffect(() => {
    if (!needsQuery(queried.current, formData, renderTriggers)) {
      // Only renderTrigger controls changed: the same data, rendered again. A query still running will render
      // with the newest form data when it returns.
      if (!inFlight.current) setChart(current => current && { ...current, formData });
      return;
    }
    queried.current = formData;
    const id = (sequence.current += 1);
    inFlight.current = true;
    setStatus(s => ({ ...s, state: 'loading', message: undefined }));
    getJson<{ result: QueryResult[] }>('/api/v1/chart/data', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(buildQuery(formData)),
    }).then(
      ({ result }) => {
        if (id !== sequence.current) return;
        inFlight.current = false;
        setChart({ formData: latest.current, queriesData: result });
        setStatus(s => ({ state: 'ready', queries: s.queries + 1, message: `${result[0]?.data?.length ?? 0} row(s)` }));
      },
      (error: Error) => {
        if (id !== sequence.current) return;
        inFlight.current = false;
        setChart(undefined);
        setStatus(s => ({ state: 'error', queries: s.queries + 1, message: error.message }));
      },
    );
  }, [formData, renderTriggers]);

  const onControlChange = useCallback((name: string, value: unknown) => {
    setFormData(current => ({ ...current, [name]: value }));
  }, []);

  const chooseCustomer = (id: string) => {
    setCustomerId(id);
    setFormData(current => ({ ...current, adhoc_filters: customerFilter(id) }));
  };

  const chooseLanguage = (next: Language) => {
    // Before the re-render: getControlPanel() and the chart translate as they render.
    setLocale(next);
    document.documentElement.lang = next;
    setLanguage(next);
  };

  const [areaRef, areaWidth] = useWidth();
  const box = size === 'tile' ? TILE : { width: areaWidth, height: FULL_HEIGHT };
  const theme = themeOf(themeName);

  return (
    <ThemeProvider theme={theme}>
      <PageStyles themeName={themeName} />
      <Page>
        <Sidebar>
          <h1>Customer Profile 360</h1>
          <ControlPanel sections={sections} formData={formData} onChange={onControlChange} />
        </Sidebar>
        <Main>
          <Toolbar>
            <div className="field">
              <label htmlFor="customer-picker">Customer</label>
              <select
                id="customer-picker"
                data-testid="customer-picker"
                value={customerId}
                onChange={e => chooseCustomer(e.target.value)}
              >
                <option value="">All customers</option>
                {customers.map(c => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.id}){c.health === null ? '' : `, health ${c.health}`}
                  </option>
                ))}
              </select>
            </div>
            <fieldset>
              <legend>Theme</legend>
              {(['light', 'dark'] as const).map(name => (
                <label className="radio" key={name}>
                  <input
                    type="radio"
                    name="theme"
                    data-testid={`theme-${name}`}
                    checked={themeName === name}
                    onChange={() => setThemeName(name)}
                  />
                  {name === 'light' ? 'Light' : 'Dark'}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Size</legend>
              {(
                [
                  ['tile', `Dashboard tile (${TILE.width}×${TILE.height})`],
                  ['full', 'Full width'],
                ] as const
              ).map(([name, label]) => (
                <label className="radio" key={name}>
                  <input
                    type="radio"
                    name="size"
                    data-testid={`size-${name}`}
                    checked={size === name}
                    onChange={() => setSize(name)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="language">Language</label>
              <select
                id="language"
                data-testid="language"
                value={language}
                onChange={e => chooseLanguage(e.target.value as Language)}
              >
                {LANGUAGES.map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <Status data-testid="chart-status" data-state={status.state} data-queries={status.queries}>
              {status.state === 'loading' ? 'Loading…' : status.state === 'error' ? 'Query failed' : status.message}
            </Status>
          </Toolbar>
          <ChartArea ref={areaRef}>
            {status.state === 'error' && <ErrorBox role="alert">The chart-data request failed: {status.message}</ErrorBox>}
            {chart && box.width > 0 && (
              <ChartBox boxWidth={box.width} boxHeight={box.height} data-testid="chart-container" data-size={size}>
                <SuperChart
                  // A new language re-renders every string of the chart.
                  key={language}
                  chartType={CHART_TYPE}
                  width={box.width}
                  height={box.height}
                  formData={chart.formData}
                  queriesData={chart.queriesData}
                  datasource={datasource}
                  // @superset-ui/core 0.20's NoResultsComponent reads Superset 4's theme (typography.sizes), which
                  // Superset 6's token theme does not have; the plugin shows its own "no customer" message.
                  enableNoResults={false}
                />
              </ChartBox>
            )}
          </ChartArea>
        </Main>
      </Page>
    </ThemeProvider>
  );
}

function App() {
  const [boot, setBoot] = useState<{ customers: Customer[]; columns: DatasourceColumn[] } | { error: string }>();
  useEffect(() => {
    Promise.all([
      getJson<{ result: Customer[] }>('/api/demo/customers'),
      getJson<{ result: { columns: DatasourceColumn[] } }>('/api/demo/datasource'),
    ]).then(
      ([customers, datasource]) => setBoot({ customers: customers.result, columns: datasource.result.columns }),
      (error: Error) => setBoot({ error: error.message }),
    );
  }, []);
  if (!boot) return <p role="status">Loading the demo…</p>;
  if ('error' in boot) return <p role="alert">The demo server did not answer: {boot.error}</p>;
  return <Demo customers={boot.customers} columns={boot.columns} />;
}

setLocale('en');
ReactDOM.render(<App />, document.getElementById('root'));
