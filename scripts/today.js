/**
 * The one "today" of the project's data and tests.
 *
 * The demo data is generated relative to a reference day (Acme renews in 25 days), and the chart computes renewal
 * days, inactivity and alerts from the day it runs on. The demo, the Superset setup and every test must agree on
 * that day, or a run that crosses midnight UTC (or reuses a Superset setup loaded on an earlier day) fails. So the
 * day is fixed: `CP360_TODAY=YYYY-MM-DD`, default below. Browsers driven by the tests get the same day through
 * `todayInitScript()` (Date shifted to that day, time still flowing, so timers and debounces behave).
 *
 *   node scripts/today.js      prints the day in force
 */
const DEFAULT_TODAY = '2026-11-29';

// `process` is absent where the fixtures are bundled for a browser page (the benchmark): the default applies there.
function resolveToday(env = typeof process !== 'undefined' ? process.env : {}) {
  const value = (env.CP360_TODAY || DEFAULT_TODAY).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`CP360_TODAY must be a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/**
 * A script for a browser page (Playwright `addInitScript`) that moves the page's clock to `today`, keeping the
 * time of day and letting time flow: Date.now() and new Date() are shifted by a constant offset.
 */
function todayInitScript(today = resolveToday()) {
  return `(() => {
  const RealDate = Date;
  const now = new RealDate();
  const target = RealDate.parse(${JSON.stringify(today)} + 'T00:00:00Z') + (now.getTime() % 86400000);
  const offset = target - now.getTime();
  if (offset === 0) return;
  class ShiftedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = ShiftedDate;
})();`;
}

module.exports = { DEFAULT_TODAY, resolveToday, todayInitScript };

if (typeof require !== 'undefined' && require.main === module) process.stdout.write(`${resolveToday()}\n`);
