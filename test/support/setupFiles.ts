/**
 * Runs before every test file, before any module is imported: @superset-ui/chart-controls reads the translator
 * at import time, so the translator must exist first.
 */
import { configure } from '@superset-ui/core';

configure();

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
