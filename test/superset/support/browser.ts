/**
 * Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) logged into the real Superset, in
 * Superset's light or dark theme mode.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { BASE_URL, REPO_ROOT, SUPERSET_HOME, VIZ_TYPE } from './api';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { todayInitScript } = require('../../../scripts/today') as { todayInitScript: () => string };

/** Screenshots go under artifacts/ (never a tracked file); `npm run screenshots` copies the ones the README shows. */
export const SCREENSHOT_DIR =
  process.env.SCREENSHOT_DIR || path.join(REPO_ROOT, 'artifacts/superset', process.env.SUPERSET_VERSION || '6.1.0');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Superset 6.1's theme mode, kept by its ThemeController in localStorage['superset-theme-mode']. */
export type ThemeMode = 'default' | 'dark';

export async function launchBrowser(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and the loader's "Failed to load plugin" console errors. */
  errors: string[];
}

/** A new context in the given theme mode, logged in as admin. */
export async function openSession(browser: Browser, mode: ThemeMode = 'default'): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // The page's clock on the data's reference day (CP360_TODAY), so "renewal in 25 days" holds on any day.
  await context.addInitScript({ content: todayInitScript() });
  await context.addInitScript(value => {
    try {
      window.localStorage.setItem('superset-theme-mode', value);
    } catch {
      // storage unavailable on about:blank
    }
  }, mode);
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(`pageerror: ${String(error).slice(0, 500)}`));
  page.on('console', message => {
    if (message.type() === 'error' && /plugin|customer/i.test(message.text())) {
      errors.push(`console: ${message.text().slice(0, 500)}`);
    }
  });
  await logIn(context);
  return { context, page, errors };
}

/**
 * Logs the context in by POSTing the login form (CSRF is off in the harness) with the context's own cookie jar.
 * Not by typing into the React login page: its own requests (GET /, event log) race the POST and an anonymous
 * response can overwrite the fresh session cookie, after which every page redirects to /login (seen live).
 */
async function logIn(context: BrowserContext): Promise<void> {
  let last = '';
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const login = await context.request.post(`${BASE_URL}/login/`, {
      form: { username: 'admin', password: 'admin' },
      maxRedirects: 0,
    });
    const me = await context.request.get(`${BASE_URL}/api/v1/me/`);
    if (me.ok()) return;
    last = `POST /login/ -> ${login.status()}, GET /api/v1/me/ -> ${me.status()}`;
  }
  throw new Error(`browser login failed: ${last}`);
}

/** Resolves once the bundle has registered the chart with the host's registry. */
export async function waitForPlugin(page: Page, key = VIZ_TYPE): Promise<void> {
  await page.waitForFunction(vizType => {
    const core = (
      window as unknown as Record<string, { getChartMetadataRegistry?: () => { has(k: string): boolean } }>
    )['__superset__/@superset-ui/core'];
    return !!core?.getChartMetadataRegistry?.().has(vizType);
  }, key);
}

/**
 * The checkbox of a control of explore's panel, found by the control's label. Every version from 4.1 to 6.1 renders
 * a control's label and its checkbox inside `.ControlHeader` (the checkbox is an antd input in 6.x and a span with
 * role="checkbox" in 4.1/5.0; `data-test` attributes are stripped from production builds before 6.1).
 */
export function controlCheckbox(page: Page, label: string): Locator {
  return page
    .locator('.ControlHeader', { hasText: label })
    .locator('input[type="checkbox"], [role="checkbox"]')
    .first();
}

/** The headers of explore's control panel sections (antd Collapse in every version), trimmed. */
export async function panelSections(page: Page): Promise<string[]> {
  const texts = await page.locator('.ant-collapse-header').allInnerTexts();
  return texts.map(text => text.trim().toLowerCase()).filter(Boolean);
}

/**
 * What the first explore load showed, before any click: the chart painted by the plugin ('chart'), Superset's
 * "Empty query?" (the first query was built without the plugin's buildQuery: the chart had not registered yet), or
 * an error. A load that needs "Update chart" or a reload to come right is a failure of the first load.
 */
export async function firstLoad(page: Page, chartSelector: string): Promise<'chart' | 'empty-query' | 'error'> {
  await waitForPlugin(page);
  const outcome = await page.waitForFunction(
    selector =>
      document.querySelector(`${selector} h2`)
        ? 'chart'
        : document.body.innerText.includes('Empty query?')
          ? 'empty-query'
          : document.querySelector('[role="alert"].ant-alert-error, .ant-alert-error')
            ? 'error'
            : '',
    chartSelector,
  );
  return (await outcome.jsonValue()) as 'chart' | 'empty-query' | 'error';
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Let antd's motion and the chart's lazy tabs settle.
  await page.waitForTimeout(800);
  await page.screenshot({ path: file });
  return file;
}

export interface Colors {
  background: string;
  color: string;
}

/** Computed background and text colour of the first element matching `selector`. */
export function colorsOf(page: Page, selector: string): Promise<Colors | null> {
  return page.evaluate(sel => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, color: style.color };
  }, selector);
}

/** Relative luminance (0 black .. 1 white) of an rgb()/rgba() string; undefined when transparent or unparsable. */
export function luminance(rgb: string | undefined): number | undefined {
  const m = rgb?.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+))?\s*\)/);
  if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map(v => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Wraps the registered transformProps so the next render records which chart props the host passes, and a few of
 * `chartProps.theme`'s tokens (Superset 6 passes its antd theme there). Call before re-rendering the chart.
 */
export async function spyOnChartProps(page: Page, key = VIZ_TYPE): Promise<void> {
  await page.evaluate(vizType => {
    type Registry = {
      get(k: string): (p: Record<string, unknown>) => unknown;
      registerValue(k: string, v: unknown): void;
    };
    const core = (window as unknown as Record<string, { getChartTransformPropsRegistry(): Registry }>)[
      '__superset__/@superset-ui/core'
    ];
    const registry = core.getChartTransformPropsRegistry();
    const original = registry.get(vizType);
    registry.registerValue(vizType, (chartProps: Record<string, unknown>) => {
      const theme = (chartProps.theme ?? {}) as Record<string, unknown>;
      (window as unknown as { __cp360ChartProps?: unknown }).__cp360ChartProps = {
        keys: Object.keys(chartProps),
        themeTokenCount: Object.keys(theme).length,
        theme: {
          colorBgContainer: theme.colorBgContainer,
          colorBgBase: theme.colorBgBase,
          colorText: theme.colorText,
          colorPrimary: theme.colorPrimary,
          fontFamily: theme.fontFamily,
        },
      };
      return original(chartProps);
    });
  }, key);
}

export function chartPropsSeen(page: Page): Promise<{
  keys: string[];
  themeTokenCount: number;
  theme: Record<string, unknown>;
} | null> {
  return page.evaluate(() => (window as unknown as { __cp360ChartProps?: never }).__cp360ChartProps ?? null);
}

/**
 * Runs `step`; when it throws, saves a screenshot to $SUPERSET_HOME/failure-<name>.png and rethrows with the page's
 * URL, visible text and collected errors, so a failure in CI says what the page showed.
 */
export async function diagnose<T>(session: Session, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const { page, errors } = session;
    const file = path.join(SUPERSET_HOME, `failure-${name}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    const detail = [
      `${String(error)}`,
      `url: ${page.url()}`,
      `screenshot: ${file}`,
      `errors: ${JSON.stringify(errors)}`,
      `page text: ${text.replace(/\s+/g, ' ').slice(0, 1200)}`,
    ].join('\n');
    throw new Error(detail);
  }
}
