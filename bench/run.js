#!/usr/bin/env node
/**
 * The bench: builds bench/page.tsx, serves it on 127.0.0.1, drives Chromium through playwright-core, and prints
 * medians, minima and maxima of what the page measured, with the goals beside them (goals, not assertions: the exit
 * code is 0 unless the bench itself fails).
 *
 *   npm run bench                  the bench (~4 min on 2 cores); raw samples and the report go to artifacts/bench/
 *   npm run bench -- --write       the same, measuring the code of HEAD (its tracked files, exported from git, so
 *                                  uncommitted edits are not what gets measured), then rewrites bench/RESULTS.md
 *                                  and the README's block between <!-- bench:start --> and <!-- bench:end -->
 *   npm run bench:profile          CPU profiles (CDP Profiler) of the measured scenarios: where the time goes, by
 *                                  function and by src/ file, mapped through the page's source maps; the text also
 *                                  goes to artifacts/bench/profile.txt
 *   npm run bench:profile -- heavytab:revenue control:threshold   only these scenarios (see page.tsx `scenario`)
 *   --head                         (with either) measure HEAD's code, as --write does, without writing anything
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_RUNS (15), BENCH_WARMUP (3), BENCH_FIRST_OPEN_RUNS
 * (5), BENCH_VSYNC=1 to keep Chromium's 60 Hz frame clock (see "painted" below).
 *
 * "Painted" is measured in the page: the commit, then a requestAnimationFrame callback that posts a message; the
 * message's task runs after that frame's style, layout and paint. Chromium runs with --disable-gpu-vsync and
 * --disable-frame-rate-limit, and the page starts every span after a quiet moment, so that frame is not held back to
 * the next 16.7 ms tick: otherwise every figure carries 0-16.7 ms of waiting that is not the plugin's work. The "floor"
 * row is the technique's own cost. The machine's load average is recorded: other processes on a 2-core machine
 * inflate every figure, so compare runs made under a similar load, and read the min column as the quiet-machine cost.
 *
 * Every measure runs in a fresh page: SuperChart never frees an unmounted chart (see RESULTS.md).
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { execFileSync } = require('child_process');
const webpack = require('webpack');
const { chromium } = require('playwright-core');
const { replaceBetween } = require('./markers');
const { machine: hostMachine, quantile } = require('./stats');

const RUNS = Number(process.env.BENCH_RUNS || 15);
const WARMUP = Number(process.env.BENCH_WARMUP || 3);
const FIRST_OPEN_RUNS = Number(process.env.BENCH_FIRST_OPEN_RUNS || 5);
const MEMORY_RUNS = 5;
const VSYNC = process.env.BENCH_VSYNC === '1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'RESULTS.md');
const README = path.join(ROOT, 'README.md');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'bench');
const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';
const TABS = ['products', 'revenue', 'health', 'activity', 'contacts', 'documents'];
const ACTIVITY_COUNTS = [1_000, 10_000, 100_000];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
  ...(VSYNC ? [] : ['--disable-gpu-vsync', '--disable-frame-rate-limit']),
];

// ---------------------------------------------------------------------------------------------------------------
// Build and serve
// ---------------------------------------------------------------------------------------------------------------

/** `sourceRoot`: the tree whose bench/page.tsx and src/ are built (the work tree, or HEAD exported). */
function build(outputPath, sourceRoot) {
  const makeConfig = require(path.join(sourceRoot, 'bench', 'webpack.config'));
  const compiler = webpack(makeConfig({ outputPath }));
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) =>
      compiler.close(closeError => {
        if (error || closeError) reject(error || closeError);
        else if (stats.hasErrors()) reject(new Error(stats.toString('errors-only')));
        else resolve(stats);
      }),
    ),
  );
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg' };

/**
 * Static files, never cached (a tab's first open fetches its chunk), cross-origin isolated so performance.now()
 * has its fine resolution (5 µs instead of 100 µs).
 */
function serve(root) {
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(root, path.normalize(name));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH ${CHROMIUM} does not exist`);
  console.log('Chromium is missing: apt-get install -y chromium');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' });
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and the table
// ---------------------------------------------------------------------------------------------------------------

const median = samples => quantile(samples, 0.5);
const ms = value => (value < 1 ? `${value.toFixed(3)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`);
const mb = bytes => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const int = n => n.toLocaleString('en-US');

/**
 * A row: what, median, min, max, goal text, and whether the goal is met by the median (undefined: no goal). The raw
 * samples are kept for artifacts/bench/results.json.
 */
const row = (what, samples, goal, limit, format = ms) => {
  const m = median(samples);
  return {
    what,
    median: format(m),
    min: format(Math.min(...samples)),
    max: format(Math.max(...samples)),
    goal: goal || '',
    met: limit === undefined ? undefined : m <= limit,
    value: m,
    samples,
  };
};

function renderTable(rows, markdown) {
  const header = ['measure', 'median', 'min', 'max', 'goal', ''];
  const left = i => i === 0 || i === 4;
  const cells = rows.map(r =>
    r.section ? null : [r.what, r.median, r.min || '', r.max || '', r.goal, r.met === undefined ? '' : r.met ? 'met' : 'MISSED'],
  );
  if (markdown) {
    const lines = ['| ' + header.join(' | ') + ' |', '|' + header.map((_, i) => (left(i) ? ' --- ' : ' ---: ')).join('|') + '|'];
    rows.forEach((r, i) => lines.push(r.section ? `| **${r.section}** |${' |'.repeat(header.length - 1)}` : '| ' + cells[i].join(' | ') + ' |'));
    return lines.join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...cells.filter(Boolean).map(c => c[i].length)));
  const line = c => c.map((cell, i) => (left(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [line(header), widths.map(w => '-'.repeat(w)).join('  ')];
  rows.forEach((r, i) => out.push(r.section ? `${r.section}` : line(cells[i])));
  return out.join('\n');
}

function machine(browserVersion) {
  return {
    ...hostMachine(),
    chromium: browserVersion,
    node: process.version,
    date: new Date().toISOString(),
  };
}

const gitRaw = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
const git = (...args) => gitRaw(...args).trim();

/**
 * The code measured. With `atHead`, HEAD's tracked files are exported (git archive) to a temporary tree that shares
 * the work tree's node_modules, so what is built is exactly the commit named in the results, whatever is being
 * edited meanwhile. Otherwise the work tree is built, and the results name the commit plus the files that differ.
 */
function codeUnderTest(atHead) {
  const commit = git('rev-parse', 'HEAD');
  const short = git('rev-parse', '--short', 'HEAD');
  const subject = git('log', '-1', '--format=%s');
  // scripts/today.js: the fixtures' reference day (CP360_TODAY).
  const measured = ['src', 'bench', 'test/support', 'scripts/today.js', 'tsconfig.json', 'package.json'];
  if (!atHead) {
    // Not trimmed: a porcelain line starts with its two status columns, the first often a space.
    const dirty = gitRaw('status', '--porcelain', '--', ...measured).split('\n').filter(Boolean).map(l => l.slice(3));
    return { root: ROOT, commit, short, subject, dirty, cleanup: () => {} };
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cp360-bench-head-'));
  const tar = path.join(root, 'head.tar');
  execFileSync('git', ['archive', '--format=tar', '-o', tar, 'HEAD', '--', ...measured], { cwd: ROOT });
  execFileSync('tar', ['-xf', tar, '-C', root]);
  fs.rmSync(tar);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, commit, short, subject, dirty: [], cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------------------------
// The bench
// ---------------------------------------------------------------------------------------------------------------

async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', error => errors.push(error));
  page.on('console', message => {
    if (message.type() === 'error') errors.push(new Error(message.text()));
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  return { page, errors };
}

/**
 * Every measure gets a fresh page: SuperChart leaks each unmounted chart (see RESULTS.md), so a long-lived page would
 * grow its heap, and its GCs, from one measure to the next.
 */
async function measure(browser, url, log) {
  const errors = [];
  let info;
  const inPage = async (label, name, ...args) => {
    const started = Date.now();
    const { page, errors: pageErrors } = await openPage(browser, url);
    try {
      info = info || (await page.evaluate(() => window.bench.info()));
      return await page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);
    } finally {
      errors.push(...pageErrors);
      await page.close();
      log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  };

  const rows = [];
  const floor = await inPage('floor', 'floor', RUNS, WARMUP);
  if (!info.crossOriginIsolated) log('warning: the page is not cross-origin isolated: performance.now() is coarse (100 µs)');
  if (!info.gc || !info.memory) log('warning: gc() or performance.memory is not available: the memory figures are rough');

  rows.push({ section: 'transformProps' });
  rows.push(row('seed row', await inPage('transformProps seed', 'transformProps', 'seed', RUNS, WARMUP), '< 1 ms', 1));
  rows.push(row('heavy row, detail columns as JSON text', await inPage('transformProps heavy', 'transformProps', 'heavy', RUNS, WARMUP), '<= 10 ms', 10));
  rows.push(row('heavy row, detail columns as arrays', await inPage('transformProps heavy arrays', 'transformProps', 'heavy-arrays', RUNS, WARMUP), '<= 10 ms', 10));

  rows.push({ section: 'Mount to painted Overview (chart component, props from transformProps)' });
  rows.push(row('seed row', await inPage('overview seed', 'mountOverview', 'seed', RUNS, WARMUP), '< 50 ms', 50));
  rows.push(row('heavy row', await inPage('overview heavy', 'mountOverview', 'heavy', RUNS, WARMUP), '< 50 ms', 50));
  rows.push(row('seed row, through SuperChart (transformProps included)', await inPage('overview seed SuperChart', 'mountOverviewSuperChart', 'seed', RUNS, WARMUP)));
  rows.push(row('heavy row, through SuperChart (transformProps included)', await inPage('overview heavy SuperChart', 'mountOverviewSuperChart', 'heavy', RUNS, WARMUP)));

  for (const rowName of ['seed', 'heavy']) {
    rows.push({ section: `Tab switch, ${rowName} row: click to the new panel painted (chart component; chunk loaded)` });
    for (const tab of TABS)
      rows.push(row(`Overview -> ${tab}`, await inPage(`tab ${rowName} ${tab}`, 'tabSwitch', rowName, tab, RUNS, WARMUP), '<= 16 ms', 16));
  }

  rows.push({ section: 'Render-only control change, heavy row, Overview shown: the new render to the next frame painted' });
  for (const change of ['threshold', 'visible-tabs']) {
    const component = await inPage(`control ${change}`, 'controlChange', 'heavy', change, RUNS, WARMUP);
    const through = await inPage(`control ${change} SuperChart`, 'controlChangeSuperChart', 'heavy', change, RUNS, WARMUP);
    const seen = result => (result.changed ? '' : ' (DOM unchanged: not seen)');
    rows.push(row(`${change}: chart component, new props given${seen(component)}`, component.samples, '<= 5 ms', 5));
    rows.push(row(`${change}: through SuperChart, as Superset does it (transformProps again)${seen(through)}`, through.samples, '<= 5 ms', 5));
  }

  rows.push({ section: `First open of a tab, seed row: its chunk fetched and evaluated (${FIRST_OPEN_RUNS} fresh pages)` });
  const firstOpens = [];
  for (let i = 0; i < FIRST_OPEN_RUNS; i += 1) firstOpens.push(await inPage(`first opens ${i + 1}`, 'firstOpens', TABS));
  for (const tab of TABS) rows.push(row(`Overview -> ${tab}, first open`, firstOpens.map(times => times[tab])));

  rows.push({
    section:
      "Ours against Superset's table chart (plugin-chart-table 0.20.3), the same 10,000 activities, interleaved rounds: mount (SuperChart, transformProps included) to the rows painted",
  });
  const [oursSide, sameRows, defaultPage] = await inPage('versus 10000', 'versus', 10_000, RUNS, WARMUP);
  const sideRow = side => row(`${side.name}: ${int(side.rows)} rows painted, ${int(side.nodes)} DOM nodes`, side.samples);
  rows.push({ ...sideRow(oursSide), what: `ours, Activity tab first (windowed): ${int(oursSide.rows)} rows painted, ${int(oursSide.nodes)} DOM nodes`, goal: '<= 100 ms', met: median(oursSide.samples) <= 100 });
  rows.push(sideRow(sameRows));
  rows.push(sideRow(defaultPage));
  const ratio = (a, b, what, goal, limit) => ({
    what,
    median: (median(a) / median(b)).toFixed(2),
    min: (Math.min(...a) / Math.min(...b)).toFixed(2),
    max: (Math.max(...a) / Math.max(...b)).toFixed(2),
    goal: goal || '',
    met: limit === undefined ? undefined : median(a) / median(b) <= limit,
    value: median(a) / median(b),
  });
  const fair = oursSide.rows === sameRows.rows;
  rows.push(
    ratio(
      oursSide.samples,
      sameRows.samples,
      `ratio ours / table, the same ${int(oursSide.rows)} rows painted${fair ? '' : ` (NOT the same: table painted ${int(sameRows.rows)})`}`,
      '<= 0.5',
      fair ? 0.5 : undefined,
    ),
  );
  rows.push(ratio(oursSide.samples, defaultPage.samples, `ratio ours / table with its default page (${int(defaultPage.rows)} rows)`));

  rows.push({ section: 'Activity tab as default tab, other counts: mount (SuperChart, transformProps included) to the timeline painted' });
  const nodes = { 10_000: { nodes: oursSide.nodes } };
  for (const count of [1_000, 100_000]) {
    // 100,000 events is there for the node count: fewer runs.
    const runs = count > 10_000 ? Math.ceil(RUNS / 2) : RUNS;
    const result = await inPage(`activity ${count}`, 'activity', count, runs, WARMUP);
    nodes[count] = result;
    const cut = count > 50_000 ? ' (parser keeps 50,000)' : '';
    rows.push(row(`${int(count)} events${cut}: ${int(result.nodes)} DOM nodes, ${result.rows} rows`, result.samples));
  }
  const nodeCounts = ACTIVITY_COUNTS.map(c => nodes[c].nodes);
  const spread = Math.max(...nodeCounts) - Math.min(...nodeCounts);
  rows.push({
    what: `DOM nodes of the chart container at ${ACTIVITY_COUNTS.map(int).join(' / ')} events: ${nodeCounts.map(int).join(' / ')}`,
    median: spread === 0 ? 'same' : `±${spread}`,
    goal: 'independent of the count',
    // The windowed list renders the rows in view; a count's digits in the filter labels may add a node or two.
    met: spread <= 4,
  });
  for (const count of ACTIVITY_COUNTS)
    rows.push(row(`${int(count)} events, chart component alone (after transformProps)`, await inPage(`activity component ${count}`, 'activityComponent', count, count > 10_000 ? Math.ceil(RUNS / 2) : RUNS, WARMUP)));

  rows.push({ section: 'Memory: usedJSHeapSize delta after GC, heavy row, Overview mounted and painted' });
  const memoryRuns = Math.min(RUNS, MEMORY_RUNS);
  const memory = await inPage('memory heavy SuperChart', 'memory', 'heavy', 'superchart', memoryRuns, 1);
  const memoryComponent = await inPage('memory heavy component', 'memory', 'heavy', 'component', memoryRuns, 1);
  rows.push(row('through SuperChart: mounted', memory.map(m => m.mounted), '', undefined, mb));
  rows.push(row('through SuperChart: after unmount (not given back)', memory.map(m => m.retained), '', undefined, mb));
  rows.push(row('chart component: mounted', memoryComponent.map(m => m.mounted), '', undefined, mb));
  rows.push(row('chart component: after unmount (not given back)', memoryComponent.map(m => m.retained), '', undefined, mb));

  rows.push({ section: 'Measurement' });
  rows.push(row('floor: one text node changed, to the next frame painted', floor));
  return { rows, info, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------------------------------

const PROFILED_RUNS = 10;
const DEFAULT_SCENARIOS = [
  'transformProps:seed',
  'transformProps:heavy',
  'overview:seed',
  'overview:heavy',
  'superchart:seed',
  ...TABS.map(tab => `tab:${tab}`),
  ...TABS.map(tab => `heavytab:${tab}`),
  'control:threshold',
  'control:visible-tabs',
  'supercontrol:threshold',
  'activity:10000',
  'table:10000',
];

/** bench.js:line:col -> src file:line, through the page's source maps. */
function sourceMapper(outputPath) {
  const { SourceMapConsumer } = require('source-map');
  const consumers = new Map();
  const consumerFor = file => {
    if (!consumers.has(file)) {
      const map = path.join(outputPath, `${file}.map`);
      consumers.set(file, fs.existsSync(map) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(map, 'utf8'))) : null);
    }
    return consumers.get(file);
  };
  return ({ url, lineNumber, columnNumber }) => {
    const file = url ? new URL(url).pathname.replace(/^\//, '') : '';
    const consumer = file && consumerFor(file);
    if (!consumer) return { source: url || '(native)', line: lineNumber + 1 };
    const position = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    const source = (position.source || file).replace(/^webpack:\/\/[^/]*\/(\.\/)?/, '').replace(/^\.\//, '');
    return { source, line: position.line || 0 };
  };
}

/** The package or src/ file a source belongs to. */
const ownerOf = source => {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return nm ? nm[1] : source;
};

function summarise(profile, map) {
  const nodes = new Map(profile.nodes.map(node => [node.id, node]));
  const parent = new Map();
  profile.nodes.forEach(node => (node.children || []).forEach(child => parent.set(child, node.id)));
  const where = new Map();
  const whereOf = node => {
    if (!where.has(node.id)) {
      const { functionName, url } = node.callFrame;
      const place = map(node.callFrame);
      where.set(node.id, { fn: functionName || '(anonymous)', ...place, native: !url, name: node.callFrame.functionName });
    }
    return where.get(node.id);
  };
  const instrumentedBy = new Map();
  const instrumented = id => {
    if (!instrumentedBy.has(id)) {
      const { functionName } = nodes.get(id).callFrame;
      const up = parent.get(id);
      instrumentedBy.set(id, /^profile(Start|End)$/.test(functionName) || (up !== undefined && instrumented(up)));
    }
    return instrumentedBy.get(id);
  };
  const selfBy = new Map();
  const ownerBy = new Map();
  const inclusiveBy = new Map();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    const node = nodes.get(id);
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') {
      idle += dt;
      return;
    }
    // The bench's own console.profile() calls are not the measured work.
    if (instrumented(id)) return;
    total += dt;
    const w = whereOf(node);
    const key = w.native ? `${name || '(native)'}` : `${w.fn}  ${w.source}:${w.line}`;
    selfBy.set(key, (selfBy.get(key) || 0) + dt);
    const owner = w.native ? (name === '(garbage collector)' ? '(garbage collector)' : '(native/browser)') : ownerOf(w.source);
    ownerBy.set(owner, (ownerBy.get(owner) || 0) + dt);
    // Inclusive time of the plugin's own functions (each counted once per sample).
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const frame = whereOf(nodes.get(n));
      if (!frame.native && frame.source.startsWith('src/')) {
        const k = `${frame.fn}  ${frame.source}:${frame.line}`;
        if (!seen.has(k)) {
          seen.add(k);
          inclusiveBy.set(k, (inclusiveBy.get(k) || 0) + dt);
        }
      }
    }
  });
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { total, idle, self: top(selfBy, 12), owners: top(ownerBy, 10), inclusive: top(inclusiveBy, 12) };
}

/** Several profiles as one: nodes renumbered, samples and time deltas concatenated. */
function mergeProfiles(profiles) {
  const nodes = [];
  const samples = [];
  const timeDeltas = [];
  profiles.forEach((p, k) => {
    const id = n => k * 1_000_000 + n;
    p.nodes.forEach(node => nodes.push({ ...node, id: id(node.id), children: (node.children || []).map(id) }));
    p.samples.forEach(s => samples.push(id(s)));
    timeDeltas.push(...p.timeDeltas);
  });
  return { nodes, samples, timeDeltas };
}

async function profile(browser, url, outputPath, scenarios, log) {
  const map = sourceMapper(outputPath);
  const lines = [];
  for (const scenario of scenarios) {
    const { page } = await openPage(browser, url);
    await page.evaluate(s => window.bench.scenario(s, 3, false), scenario); // warm: chunks loaded, code compiled
    const cdp = await page.context().newCDPSession(page);
    const profiles = [];
    cdp.on('Profiler.consoleProfileFinished', event => profiles.push(event.profile));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    const result = await page.evaluate(([s, n]) => window.bench.scenario(s, n, true), [scenario, PROFILED_RUNS]);
    await page.close();
    const samples = Array.isArray(result) ? result : result.samples;
    const s = summarise(mergeProfiles(profiles), map);
    const pct = v => `${((100 * v) / s.total).toFixed(0).padStart(3)}%`;
    lines.push(
      `\n=== ${scenario}: median ${ms(median(samples.map(Number)))} while profiled; ${profiles.length} spans, ` +
        `${(s.total / profiles.length).toFixed(1)} ms busy per span (+ ${(s.idle / profiles.length).toFixed(1)} ms idle/program)`,
    );
    lines.push('  self time by package / src file:');
    s.owners.forEach(([k, v]) => lines.push(`    ${pct(v)} ${(v / profiles.length).toFixed(2).padStart(7)} ms  ${k}`));
    lines.push('  self time by function:');
    s.self.forEach(([k, v]) => lines.push(`    ${pct(v)} ${(v / profiles.length).toFixed(2).padStart(7)} ms  ${k}`));
    lines.push("  inclusive time of the plugin's functions:");
    s.inclusive.forEach(([k, v]) => lines.push(`    ${pct(v)} ${(v / profiles.length).toFixed(2).padStart(7)} ms  ${k}`));
    log(`  profiled ${scenario}`);
  }
  lines.push('\n(ms per span: the sampled time divided by the number of spans)');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

/** The README block: the figures a reader looks for, each with its goal, and where the full table is. */
function readmeBlock({ rows, facts, load, code, runs }) {
  const pick = (section, what) => {
    let inSection = false;
    for (const r of rows) {
      if (r.section) inSection = r.section.startsWith(section);
      else if (inSection && r.what.startsWith(what)) return r;
    }
    throw new Error(`bench: no row "${what}" in "${section}"`);
  };
  const verdict = r => (r.met === undefined ? '' : r.met ? ' ✓' : ' **missed**');
  const fig = (r, withMinMax = true) => (withMinMax && r.min ? `${r.median} (${r.min}–${r.max})` : r.median);
  const tabs = rowName =>
    TABS.map(tab => pick(`Tab switch, ${rowName}`, `Overview -> ${tab}`)).map(
      (r, i) => `${TABS[i]} ${r.median}${r.met ? '' : ' ✗'}`,
    );
  const tabGoal = rowName => {
    const missed = TABS.filter(tab => !pick(`Tab switch, ${rowName}`, `Overview -> ${tab}`).met);
    return missed.length ? `≤ 16 ms: **missed** (${missed.join(', ')})` : '≤ 16 ms ✓';
  };
  const versus = 'Ours against';
  const ours = pick(versus, 'ours');
  const same = pick(versus, 'table, same rows');
  const dflt = pick(versus, 'table, default page');
  const fairRatio = pick(versus, 'ratio ours / table, the same');
  const control = (change, via) => pick('Render-only control change', `${change}: ${via}`);
  const lines = [
    README_START,
    `<!-- Written by \`npm run bench -- --write\` (bench/run.js); edit the bench, not this block. -->`,
    '',
    `Measured by \`npm run bench -- --write\` at commit \`${code.short}\` (${code.subject.replace(/`/g, "'")}): headless Chromium ` +
      `${facts.chromium}, React ${facts.react}, \`performance.now()\` in the page, ${runs}; the median with ` +
      `(min–max). Machine: ${facts.cpu}, ${facts.cores} cores, ${facts.memory}; Node ${facts.node}; ${facts.date.slice(0, 16).replace('T', ' ')} UTC; ` +
      `load average ${load.start.toFixed(2)} at the start, ${load.end.toFixed(2)} at the end` +
      `${load.busy ? ' (busy: other work was running, so the figures are pessimistic; the min is the nearer to a quiet machine)' : ''}. ` +
      'Goals are met or missed by the median; they are goals, not test assertions. Full table: `bench/RESULTS.md`.',
    '',
    '| measure | median (min–max) | goal |',
    '|---|---|---|',
    `| transformProps, the seed's row | ${fig(pick('transformProps', 'seed row'))} | ≤ 1 ms${verdict(pick('transformProps', 'seed row'))} |`,
    `| transformProps, heavy row (${HEAVY_TEXT}), JSON text | ${fig(pick('transformProps', 'heavy row, detail columns as JSON'))} | ≤ 10 ms${verdict(pick('transformProps', 'heavy row, detail columns as JSON'))} |`,
    `| transformProps, heavy row, parsed arrays | ${fig(pick('transformProps', 'heavy row, detail columns as arrays'))} | ≤ 10 ms${verdict(pick('transformProps', 'heavy row, detail columns as arrays'))} |`,
    `| mount to the Overview painted, seed / heavy | ${pick('Mount', 'seed row').median} / ${pick('Mount', 'heavy row').median} | ≤ 50 ms${verdict({ met: pick('Mount', 'seed row').met && pick('Mount', 'heavy row').met })} |`,
    `| tab switch, seed row | ${tabs('seed').join(', ')} | ${tabGoal('seed')} |`,
    `| tab switch, heavy row | ${tabs('heavy').join(', ')} | ${tabGoal('heavy')} |`,
    `| control change, heavy row: threshold (chart component / through SuperChart) | ${control('threshold', 'chart component').median} / ${control('threshold', 'through SuperChart').median} | ≤ 5 ms${verdict(control('threshold', 'chart component'))} /${verdict(control('threshold', 'through SuperChart'))} |`,
    `| control change, heavy row: visible tabs (chart component / through SuperChart) | ${control('visible-tabs', 'chart component').median} / ${control('visible-tabs', 'through SuperChart').median} | ≤ 5 ms${verdict(control('visible-tabs', 'chart component'))} /${verdict(control('visible-tabs', 'through SuperChart'))} |`,
    `| Activity tab first, 10,000 events, through SuperChart: ours, ${int(ours.rowsPainted)} rows painted | ${fig(ours)} | ≤ 100 ms${verdict(ours)} |`,
    `| Superset's table chart, the same 10,000 rows, a page of ${int(same.rowsPainted)} rows (the rows ours paints) | ${fig(same)} | |`,
    `| Superset's table chart, its default page (${int(dflt.rowsPainted)} rows painted) | ${fig(dflt)} | |`,
    `| ratio ours / table, the same ${int(same.rowsPainted)} rows painted, rounds interleaved | ${fairRatio.median} | ≤ 0.5${verdict(fairRatio)} |`,
    `| heap held with the heavy row mounted (chart component) | ${pick('Memory', 'chart component: mounted').median} | |`,
    '',
    README_END,
  ];
  return lines.join('\n');
}

const HEAVY_TEXT = '10,000 activities, 120 months of ARR, 1,000 invoices, 200 contacts, 500 documents';

function resultsMarkdown({ rows, facts, load, code, runs, info }) {
  const title = 'Customer Profile 360: bench';
  return [
    `# ${title}`,
    '',
    'Written by `npm run bench -- --write` (bench/run.js) from one run; edit the bench, not this file. Goals are met or',
    'missed by the median; they are goals, not assertions. Raw samples of the run: `artifacts/bench/results.json`.',
    '',
    '| | |',
    '| --- | --- |',
    `| commit | \`${code.commit}\` (${code.subject.replace(/\|/g, '\\|')})${code.dirty.length ? `, with uncommitted changes to ${code.dirty.join(', ')}` : ', its tracked files exported from git'} |`,
    `| CPU | ${facts.cpu} |`,
    `| cores | ${facts.cores} |`,
    `| memory | ${facts.memory} |`,
    `| Chromium | ${facts.chromium} (headless${VSYNC ? '' : ', --disable-gpu-vsync --disable-frame-rate-limit'}) |`,
    `| Node | ${facts.node} |`,
    `| React | ${info.react} (production build) |`,
    `| date | ${facts.date} |`,
    `| load average (1, 5, 15 min) | ${load.startAll.map(v => v.toFixed(2)).join(', ')} at the start; ${load.endAll.map(v => v.toFixed(2)).join(', ')} at the end${load.busy ? ': **the machine was busy, the figures are pessimistic**' : ''} |`,
    '',
    `${runs}. Chart size 1200 x 800. Timer: ${info.crossOriginIsolated ? 'cross-origin isolated (5 µs resolution)' : 'coarse (100 µs)'}.`,
    '',
    renderTable(rows, true),
    '',
    '## How it is measured',
    '',
    '- Rows: `bench/fixtures.ts`. Seed: the Acme row of `test/support/fixtures.ts`. Heavy: 10,000 activities, 120 months',
    '  of ARR, 1,000 invoices (and their payments), 200 contacts, 500 documents, generated from a fixed seed.',
    '- "Painted": after the commit (and, for SuperChart\'s asynchronous loader, the DOM showing the result), a',
    '  requestAnimationFrame callback posts a message; its task runs after that frame\'s style, layout and paint.',
    '  Chromium runs without vsync so the frame is not held to a 16.7 ms tick; the floor row is the technique\'s cost.',
    '- Tab switch: a fresh mount of the chart component showing the Overview (not timed), then a click on the tab; the',
    '  tab\'s chunk was loaded by the warm-up runs. First open: fresh pages, each tab\'s chunk fetched from the local',
    '  server (no cache) on its first click.',
    '- Control change: the chart mounted on the heavy row showing the Overview (not timed), then rendered again with',
    '  the changed form data: a critical threshold of 40 instead of 50 (Acme\'s health 45 stops being critical, so the',
    '  status and alert banner change), or the visible tabs without Documents. "Chart component": props worked out by',
    '  transformProps beforehand, the render alone. "Through SuperChart": Superset\'s way, transformProps runs again.',
    '- Ours against the table chart: both through SuperChart, each mount to its rows painted, the same 10,000',
    '  activities (the table\'s as raw records, dates as epoch ms). Each round mounts ours, the table with a page as long',
    '  as the rows our windowed timeline paints, and the table with its default page (200 rows over 5,000 cells), in',
    '  the order A B C, then C B A, so a change of load falls on all sides alike. Each row says how many rows it painted.',
    '- Memory: usedJSHeapSize (`--enable-precise-memory-info`) after GCs. "Not given back": how much the heap before',
    '  the next sample has grown. Through SuperChart every mount keeps its props and transformProps output for good:',
    '  `SuperChartCore` makes a react-loadable renderer per instance, and react-loadable pushes each one\'s `init`',
    '  closure into its module-level `ALL_INITIALIZERS`. The chart component alone keeps nothing.',
    '- Each measure runs in a fresh page (SuperChart\'s leak would otherwise grow the heap from measure to measure).',
    '- A GC (`--js-flags=--expose-gc`) and a quiet frame between runs.',
    '- Where the time goes: `npm run bench:profile` (CPU profiles of the timed spans only).',
    '',
  ].join('\n');
}

async function main() {
  const started = Date.now();
  const args = process.argv.slice(2);
  const profiling = args.includes('--profile');
  const write = args.includes('--write');
  // Before the build, so the first reading is the load of whatever else runs on the machine.
  const startAll = os.loadavg();
  const log = message => console.error(message);
  const outputPath = fs.mkdtempSync(path.join(os.tmpdir(), 'cp360-bench-'));
  const atHead = write || args.includes('--head');
  const code = codeUnderTest(atHead);
  let server;
  let browser;
  try {
    log(`building the bench page (${atHead ? `HEAD ${code.short}, exported` : `work tree at ${code.short}${code.dirty.length ? ' with uncommitted changes' : ''}`}) ...`);
    await build(outputPath, code.root);
    log(`built (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    server = await serve(outputPath);
    const url = `http://127.0.0.1:${server.address().port}/`;
    ensureChromium();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const facts = machine(browser.version());
    fs.mkdirSync(ARTIFACTS, { recursive: true });

    if (profiling) {
      const scenarios = args.filter(a => !a.startsWith('--'));
      const text = await profile(browser, url, outputPath, scenarios.length ? scenarios : DEFAULT_SCENARIOS, log);
      console.log(text);
      fs.writeFileSync(path.join(ARTIFACTS, 'profile.txt'), `${facts.date} ${code.short}\n${text}\n`);
      return;
    }

    const { rows, info, errors } = await measure(browser, url, log);
    const endAll = os.loadavg();
    // The bench keeps about one core busy itself: more than that at the end, or more than half a core's worth
    // before it started, is other work.
    const load = { startAll, endAll, start: startAll[0], end: endAll[0], busy: startAll[0] > 0.5 || endAll[0] > 1.5 };
    facts.react = info.react;
    const runs = `medians of ${RUNS} runs after ${WARMUP} warm-ups (memory: ${Math.min(RUNS, MEMORY_RUNS)} runs; 100,000 events: ${Math.ceil(RUNS / 2)})`;
    // The rows-painted counts the README quotes, read back from the rows' own labels.
    rows.forEach(r => {
      const m = r.what && /([\d,]+) rows painted/.exec(r.what);
      if (m) r.rowsPainted = Number(m[1].replace(/,/g, ''));
    });

    console.log(`\nCustomer Profile 360: bench: ${runs}\n`);
    console.log(renderTable(rows, false));
    const missed = rows.filter(r => r.met === false);
    console.log(`\ngoals: ${rows.filter(r => r.met === true).length} met, ${missed.length} missed (goals, not assertions)`);
    missed.forEach(r => console.log(`  missed: ${r.what}: ${r.median} (goal ${r.goal})`));
    console.log(`${facts.cpu}, ${facts.cores} cores, ${facts.memory}; Chromium ${facts.chromium}; Node ${facts.node}; ${facts.date}`);
    console.log(`load average ${startAll.map(v => v.toFixed(2)).join(' ')} -> ${endAll.map(v => v.toFixed(2)).join(' ')}${load.busy ? ': the machine was busy (other processes), the figures are pessimistic' : ''}`);
    console.log(`code: ${code.commit}${code.dirty.length ? ` + uncommitted changes to ${code.dirty.join(', ')}` : ''}`);

    const context = { rows, facts, load, code, runs, info };
    const results = resultsMarkdown(context);
    const block = readmeBlock(context);
    const raw = {
      commit: code.commit,
      uncommitted: code.dirty,
      machine: facts,
      load: { start: startAll, end: endAll },
      runs: RUNS,
      warmup: WARMUP,
      rows: rows.map(({ section, what, value, goal, met, samples }) => (section ? { section } : { what, median: value, goal, met, samples })),
      errors: errors.map(e => e.message),
    };
    fs.writeFileSync(path.join(ARTIFACTS, 'results.json'), `${JSON.stringify(raw, null, 2)}\n`);
    fs.writeFileSync(path.join(ARTIFACTS, 'RESULTS.md'), results);
    fs.writeFileSync(path.join(ARTIFACTS, 'README-block.md'), `${block}\n`);
    log(`\nwrote artifacts/bench/results.json, RESULTS.md, README-block.md`);
    if (errors.length) {
      console.error(`\nthe page reported ${errors.length} error(s):`);
      errors.slice(0, 5).forEach(e => console.error(`  ${e.message}`));
    }
    if (write) {
      if (errors.length) throw new Error('bench: the page reported errors; bench/RESULTS.md and README.md were not rewritten');
      fs.writeFileSync(RESULTS, results);
      fs.writeFileSync(README, replaceBetween(fs.readFileSync(README, 'utf8'), README_START, README_END, block));
      log('rewrote bench/RESULTS.md and the README block between <!-- bench:start --> and <!-- bench:end -->');
    } else {
      log('bench/RESULTS.md and README.md untouched (npm run bench -- --write rewrites them from a run at HEAD)');
    }
    log(`(${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    if (browser) await browser.close();
    if (server) server.close();
    fs.rmSync(outputPath, { recursive: true, force: true });
    code.cleanup();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
