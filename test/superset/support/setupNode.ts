/**
 * The suite runs in Node (testEnvironment node), but @superset-ui/core reads `window.console` when it is imported
 * (utils/logging). A `window` holding just the console is enough for the plugin's buildQuery / transformProps;
 * there is no DOM here, the browser parts run in Chromium.
 */
const g = globalThis as { window?: unknown };
if (typeof g.window === 'undefined') g.window = { console };
