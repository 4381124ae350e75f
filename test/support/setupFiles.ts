/**
 * Runs before every test file, before any module is imported: @superset-ui/chart-controls reads the translator
 * at import time, so the translator must exist first.
 */
import { configure } from '@superset-ui/core';

configure();

// Every test runs on the project's one reference day (CP360_TODAY, scripts/today.js): the clock is moved to that day
// and keeps running, as in the browser tests and the demo page. Tests that need a frozen clock fake it on top
// (render.tsx, fixToday).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { todayInitScript } = require('../../scripts/today') as { todayInitScript: () => string };
// eslint-disable-next-line no-new-func
new Function(todayInitScript())();

if (typeof window !== 'undefined') {
  // antd and @superset-ui read media queries; jsdom has no matchMedia.
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
  // React 18 reads this flag to decide whether act() warnings apply.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
}
