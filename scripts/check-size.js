#!/usr/bin/env node
/**
 * Size budgets (issue 8), a hard check: builds the plugin as a host consumes it (bench/webpack.size.config.js: an
 * ES-module library from src/index.ts, production, framework packages external, split at the plugin's own dynamic
 * imports) and measures the emitted JavaScript, gzip level 9, KB = 1024 bytes:
 *
 *   (a) all of the plugin's own code                                      <= 60 KB
 *   (b) what loads before the first paint: the entry chunk and the chunks
 *       of `loadChart`'s import (the chart component with the Overview)   <= 30 KB
 *   (c) every tab but Overview in its own lazy chunk, none of it in (b)   (read from webpack's chunk graph)
 *
 * Prints a table, the largest contributors to the first paint, and `size: N passed, N failed`; exits 1 on a failure.
 * The gzip size of each chunk file is counted separately, as each is fetched separately.
 *
 * Usage: node scripts/check-size.js [--json]
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const webpack = require('webpack');
const esbuild = require('esbuild');
const makeConfig = require('../bench/webpack.size.config');

const ROOT = path.resolve(__dirname, '..');
const KB = 1024;
const BUDGET = { all: 60 * KB, firstPaint: 30 * KB };
/** The chart component's module, loaded by `loadChart: () => import(...)` in src/plugin/index.ts. */
const CHART_MODULE = 'src/components/CustomerProfileChart.tsx';
const EAGER_TAB = 'src/components/tabs/OverviewTab.tsx';
const LAZY_TABS = ['ProductsTab', 'RevenueTab', 'HealthTab', 'ActivityTab', 'ContactsTab', 'DocumentsTab'];
const TOP_CONTRIBUTORS = 8;

const gzipSize = buffer => zlib.gzipSync(buffer, { level: 9 }).length;
const kb = bytes => `${(bytes / KB).toFixed(1)} KB`;
const rel = file => path.relative(ROOT, file).split(path.sep).join('/');

function build(outputPath) {
  const compiler = webpack(makeConfig({ outputPath }));
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(closeError => {
        if (error || closeError) reject(error || closeError);
        else if (stats.hasErrors()) reject(new Error(stats.toString('errors-only')));
        else resolve(stats);
      });
    });
  });
}

/** Source files in a module; a concatenated (scope-hoisted) module holds several. */
const resourcesOf = module =>
  module.modules ? module.modules.flatMap(resourcesOf) : module.resource ? [rel(module.resource.split('?')[0])] : [];

/** The chunk graph, reduced to what the budgets need: files, sizes, and which source files each chunk holds. */
function readChunkGraph(compilation, outputPath) {
  const { chunkGraph } = compilation;
  // Emitted sources are released after emit; the files on disk are what a browser fetches anyway.
  const fileBytes = file => fs.readFileSync(path.join(outputPath, file));
  const chunks = new Map();
  for (const chunk of compilation.chunks) {
    const files = [...chunk.files].filter(file => file.endsWith('.js'));
    const bytes = files.reduce((sum, file) => sum + fileBytes(file).length, 0);
    const gzip = files.reduce((sum, file) => sum + gzipSize(fileBytes(file)), 0);
    const sources = new Set(chunkGraph.getChunkModules(chunk).flatMap(resourcesOf));
    chunks.set(chunk, { files, bytes, gzip, sources });
  }
  /** Chunk groups of the dynamic imports, by the request that loads them ('./ActivityTab'). */
  const lazyGroups = compilation.chunkGroups
    .filter(group => !group.isInitial())
    .map(group => ({ requests: group.origins.map(origin => origin.request), chunks: group.chunks }));
  const entryChunks = [...compilation.entrypoints.values()].flatMap(entry => entry.chunks);
  const otherAssets = compilation
    .getAssets()
    .filter(asset => !asset.name.endsWith('.js'))
    .map(asset => ({ name: asset.name, bytes: asset.source.size() }));
  return { chunks, lazyGroups, entryChunks, otherAssets };
}

/** Each source file minified and gzipped alone: an estimate that ranks what a chunk's size is made of. */
function contributors(sources) {
  return [...sources]
    .filter(source => /\.[jt]sx?$/.test(source))
    .map(source => {
      const code = fs.readFileSync(path.join(ROOT, source), 'utf8');
      const loader = path.extname(source).slice(1);
      const { code: minified } = esbuild.transformSync(code, {
        loader,
        minify: true,
        jsx: 'automatic',
        format: 'esm',
        target: makeConfig.TARGET,
      });
      return { source, minified: minified.length, gzip: gzipSize(Buffer.from(minified)) };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

function evaluate({ chunks, lazyGroups, entryChunks }) {
  const chartGroup = lazyGroups.find(group => group.requests.some(request => /CustomerProfileChart$/.test(request)));
  const firstPaint = new Set([...entryChunks, ...(chartGroup ? chartGroup.chunks : [])]);
  const sum = (set, key) => [...set].reduce((total, chunk) => total + chunks.get(chunk)[key], 0);
  const firstPaintSources = new Set([...firstPaint].flatMap(chunk => [...chunks.get(chunk).sources]));
  const allChunks = new Set(chunks.keys());
  const fileCount = set => [...set].reduce((n, chunk) => n + chunks.get(chunk).files.length, 0);
  const results = [];

  results.push({
    check: `(a) all plugin code (${fileCount(allChunks)} files)`,
    size: sum(allChunks, 'gzip'),
    budget: kb(BUDGET.all),
    pass: sum(allChunks, 'gzip') <= BUDGET.all,
  });
  results.push({
    check: `(b) before first paint: entry + chart chunk (${fileCount(firstPaint)} files)`,
    size: sum(firstPaint, 'gzip'),
    budget: kb(BUDGET.firstPaint),
    pass: !!chartGroup && sum(firstPaint, 'gzip') <= BUDGET.firstPaint,
    note: chartGroup ? undefined : 'no chunk for loadChart\'s import() was found: the chart is not split off',
  });
  results.push({
    check: '(b) chart component and Overview in the first-paint chunks',
    budget: 'eager',
    pass: firstPaintSources.has(CHART_MODULE) && firstPaintSources.has(EAGER_TAB),
  });

  const tabChunksOf = source => [...chunks].filter(([, info]) => info.sources.has(source)).map(([chunk]) => chunk);
  for (const tab of LAZY_TABS) {
    const source = `src/components/tabs/${tab}.tsx`;
    const group = lazyGroups.find(g => g.requests.includes(`./${tab}`));
    const holding = tabChunksOf(source);
    const problems = [];
    if (!group) problems.push('no lazy import() of it');
    if (!holding.length) problems.push('not in any chunk');
    if (holding.some(chunk => firstPaint.has(chunk))) problems.push('in a first-paint chunk');
    if (group && holding.some(chunk => !group.chunks.includes(chunk))) problems.push('in a chunk outside its own group');
    const sharing = LAZY_TABS.filter(other => other !== tab).filter(other =>
      holding.some(chunk => chunks.get(chunk).sources.has(`src/components/tabs/${other}.tsx`)),
    );
    if (sharing.length) problems.push(`shares its chunk with ${sharing.join(', ')}`);
    const own = new Set(holding);
    results.push({
      check: `(c) ${tab} in its own lazy chunk`,
      size: sum(own, 'gzip'),
      budget: 'lazy',
      pass: problems.length === 0,
      note: problems.join('; ') || undefined,
    });
  }
  const sharedLazy = [...allChunks].filter(
    chunk => !firstPaint.has(chunk) && !LAZY_TABS.some(tab => chunks.get(chunk).sources.has(`src/components/tabs/${tab}.tsx`)),
  );
  return { results, firstPaint, firstPaintSources, sharedLazy, allChunks };
}

function printTable(results) {
  const rows = results.map(r => [r.check, r.size === undefined ? '' : kb(r.size), r.budget, r.pass ? 'pass' : 'FAIL']);
  const header = ['check', 'gzip', 'budget', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(row => row[i].length)));
  const line = row => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  results.forEach((r, i) => {
    console.log(line(rows[i]));
    if (r.note) console.log(`    ${r.note}`);
  });
}

async function main() {
  const started = Date.now();
  const outputPath = fs.mkdtempSync(path.join(os.tmpdir(), 'cp360-size-'));
  try {
    const stats = await build(outputPath);
    const graph = readChunkGraph(stats.compilation, outputPath);
    const { results, firstPaint, firstPaintSources, sharedLazy, allChunks } = evaluate(graph);

    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(results, null, 2));
    } else {
      console.log(
        `Customer Profile 360, size budgets: gzip -9 of the minified chunks (terser), KB = 1024 B; external: ${makeConfig.EXTERNAL_PACKAGES.join(', ')} and subpaths\n`,
      );
      printTable(results);
      const firstPaintGzip = [...firstPaint].reduce((n, chunk) => n + graph.chunks.get(chunk).gzip, 0);
      const lazyGzip = [...allChunks].reduce((n, chunk) => n + graph.chunks.get(chunk).gzip, 0) - firstPaintGzip;
      console.log(`\nfirst paint ${kb(firstPaintGzip)}, lazy chunks ${kb(lazyGzip)}` +
        (sharedLazy.length ? ` (of which ${sharedLazy.length} chunk(s) shared by tabs: ${kb(sharedLazy.reduce((n, c) => n + graph.chunks.get(c).gzip, 0))})` : ''));
      graph.otherAssets.forEach(asset => console.log(`not code, not counted: ${asset.name} ${kb(asset.bytes)} (the gallery thumbnail)`));

      const failedAll = !results[0].pass;
      const ranked = contributors(failedAll ? new Set([...allChunks].flatMap(c => [...graph.chunks.get(c).sources])) : firstPaintSources);
      console.log(
        `\nlargest contributors to ${failedAll ? 'all plugin code' : 'the first paint'} (each file minified and gzipped alone: an estimate for ranking):`,
      );
      ranked.slice(0, TOP_CONTRIBUTORS).forEach(({ source, minified, gzip }) =>
        console.log(`  ${kb(gzip).padStart(8)}  ${kb(minified).padStart(8)} min  ${source}`),
      );
    }
    const passed = results.filter(r => r.pass).length;
    const failed = results.length - passed;
    console.log(`\nsize: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    fs.rmSync(outputPath, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 2;
});
