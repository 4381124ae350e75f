#!/usr/bin/env node
'use strict';
/**
 * The live demo: builds demo/app.tsx with webpack (webpack.config.js -> dist/demo) while the demo database boots
 * in an in-memory PGlite (demo/db), then serves on 127.0.0.1:${PORT:-9360}:
 *
 *   GET  /                      the page (and its scripts from dist/demo)
 *   POST /api/v1/chart/data     the part of Superset's chart-data API the plugin uses, answered as Superset does
 *   GET  /api/demo/customers    { result: [{ id, name, health }] } for the page's customer picker
 *   GET  /api/demo/datasource   { result: { columns: [{ column_name, type, type_generic }] } }, the dataset's
 *                               columns as explore's datasource holds them (the control panel's mapStateToProps)
 *
 * PORT=0 picks a free port; the one line logged names the real URL. `--no-build` serves the existing dist/demo.
 */

const { resolveToday, todayInitScript } = require('../scripts/today');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { isMainThread, parentPort, Worker, workerData } = require('worker_threads');
const { createDemoDb } = require('./db/load');

const HOST = '127.0.0.1';
const DIST = path.resolve(__dirname, '../dist/demo');
const MAX_BODY_BYTES = 1 << 20;
/** Superset's defaults: ROW_LIMIT for a query without one, SQL_MAX_ROW as the ceiling. */
const DEFAULT_ROW_LIMIT = 50000;
const MAX_ROW_LIMIT = 100000;

// ---------------------------------------------------------------------------------------------------------------
// Types: PostgreSQL type OIDs -> Superset's GenericDataType (0 numeric, 1 string, 2 temporal, 3 boolean)
// ---------------------------------------------------------------------------------------------------------------

const OID = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  json: 114,
  float4: 700,
  float8: 701,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
  jsonb: 3802,
};
const NUMERIC_OIDS = new Set([OID.int8, OID.int2, OID.int4, OID.float4, OID.float8, OID.numeric]);
const TEMPORAL_OIDS = new Set([OID.date, OID.timestamp, OID.timestamptz]);
const JSON_OIDS = new Set([OID.json, OID.jsonb]);
const GENERIC = { NUMERIC: 0, STRING: 1, TEMPORAL: 2, BOOLEAN: 3 };

function genericType(oid) {
  if (NUMERIC_OIDS.has(oid)) return GENERIC.NUMERIC;
  if (TEMPORAL_OIDS.has(oid)) return GENERIC.TEMPORAL;
  if (oid === OID.bool) return GENERIC.BOOLEAN;
  return GENERIC.STRING;
}

// PGlite's own parsing is replaced where Superset's answer differs: NUMERIC as a number (PGlite: a string), int8 as
// a number (PGlite: a BigInt), json as its raw text (re-serialised below as Python does), dates as epoch ms.
const keepText = text => text;
const PARSERS = {
  [OID.numeric]: text => Number(text),
  [OID.int8]: text => Number(text),
  [OID.json]: keepText,
  [OID.jsonb]: keepText,
  // DATE and TIMESTAMP carry no zone: Superset reads them as UTC and sends epoch milliseconds.
  [OID.date]: text => Date.parse(`${text}T00:00:00Z`),
  [OID.timestamp]: text => Date.parse(`${text.replace(' ', 'T')}Z`),
  [OID.timestamptz]: text => Date.parse(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')),
};

/** Python's repr of a float, as json.dumps writes it: 185000.0, 0.5, 1e-05, 1e+16. */
function pythonFloat(value) {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent >= -4 && exponent < 16) {
    const text = String(value);
    return /[.e]/.test(text) ? text : `${text}.0`;
  }
  return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

const pythonString = text =>
  `"${text.replace(/[\\"\u0000-\u001f\u007f-\uffff]/g, ch => {
    const short = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' }[ch];
    return short ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  })}"`;

/**
 * A json column as Superset sends it: the driver parses the JSON and Python's json.dumps writes it back, so the
 * text has ', ' and ': ' separators, non-ASCII as \u escapes, and every number written with a fraction or an
 * exponent in PostgreSQL (185000.00) becomes a Python float (185000.0). Works on the raw text, token by token,
 * because JSON.parse would lose the int/float distinction.
 */
function pythonJsonText(raw) {
  const tokens = /\s+|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]/gy;
  let out = '';
  let match;
  while ((match = tokens.exec(raw))) {
    const token = match[0];
    if (/^\s/.test(token)) continue;
    if (token === ',') out += ', ';
    else if (token === ':') out += ': ';
    else if (token[0] === '"') out += pythonString(JSON.parse(token));
    else if (/^-?\d/.test(token)) out += /[.eE]/.test(token) ? pythonFloat(Number(token)) : token;
    else out += token;
  }
  if (tokens.lastIndex !== 0 && tokens.lastIndex !== raw.length) throw new Error('Unreadable JSON from the database');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Query context -> SQL with bound parameters
// ---------------------------------------------------------------------------------------------------------------

class BadRequest extends Error {}

const quote = name => `"${name.replace(/"/g, '""')}"`;

/** Builds SQL from one query object. Column names must be dataset columns; every value is a bound parameter. */
function buildSql(query, dataset) {
  const params = [];
  const bind = value => {
    params.push(value);
    return `$${params.length}`;
  };
  const column = (name, what) => {
    if (typeof name !== 'string') throw new BadRequest(`Adhoc ${what} are not supported by the demo server`);
    if (!dataset.columns.has(name)) throw new BadRequest(`Column "${name}" does not exist in the dataset`);
    return quote(name);
  };
  // A temporal column compared with epoch milliseconds, as Superset's filter bar sends them.
  const valueFor = (name, value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number' && TEMPORAL_OIDS.has(dataset.columns.get(name)))
      return new Date(value).toISOString();
    if (typeof value === 'object') throw new BadRequest(`Unsupported filter value for "${name}"`);
    return value;
  };

  const columns = Array.isArray(query.columns) ? query.columns : [];
  if (!columns.length) throw new BadRequest('Empty query?');
  const select = columns.map(name => column(name, 'columns'));

  const where = [];
  const applied = [];
  (Array.isArray(query.filters) ? query.filters : []).forEach(filter => {
    const { col, op, val } = filter ?? {};
    // A time range of "No filter" is what explore sends when no time filter is set.
    if (op === 'TEMPORAL_RANGE' && (val === 'No filter' || val === undefined)) return;
    const sqlCol = column(col, 'filter columns');
    const upper = typeof op === 'string' ? op.toUpperCase() : op;
    switch (upper) {
      case '==':
      case '!=': {
        const value = valueFor(col, Array.isArray(val) ? val[0] : val);
        if (value === null) where.push(`${sqlCol} IS ${upper === '==' ? '' : 'NOT '}NULL`);
        else where.push(`${sqlCol} ${upper === '==' ? '=' : '<>'} ${bind(value)}`);
        break;
      }
      case 'IN':
      case 'NOT IN': {
        const values = Array.isArray(val) ? val : [val];
        const present = values.filter(v => v !== null && v !== undefined).map(v => valueFor(col, v));
        const hasNull = present.length < values.length;
        const list = present.length ? `${sqlCol} IN (${present.map(bind).join(', ')})` : 'FALSE';
        if (upper === 'IN') where.push(hasNull ? `(${list} OR ${sqlCol} IS NULL)` : list);
        else where.push(hasNull ? `(NOT ${list} AND ${sqlCol} IS NOT NULL)` : `NOT ${list}`);
        break;
      }
      case '>':
      case '<':
      case '>=':
      case '<=': {
        const value = valueFor(col, val);
        if (value === null) throw new BadRequest(`Filter ${op} on "${col}" needs a value`);
        where.push(`${sqlCol} ${upper} ${bind(value)}`);
        break;
      }
      case 'LIKE':
      case 'ILIKE':
        if (typeof val !== 'string') throw new BadRequest(`Filter ${op} on "${col}" needs a text pattern`);
        where.push(`${sqlCol} ${upper} ${bind(val)}`);
        break;
      case 'IS NULL':
      case 'IS NOT NULL':
        where.push(`${sqlCol} ${upper}`);
        break;
      default:
        throw new BadRequest(`Unsupported filter operator: ${String(op)}`);
    }
    applied.push({ column: col });
  });

  // extras.where is free SQL typed by the chart author (a "Custom SQL" adhoc filter). The demo does not run
  // author SQL, so it is ignored here; the page's own filters are all SIMPLE ones, which arrive in `filters`.

  // url_params: a dashboard link such as ?customer_id=ACME-001 reaches the query as url_params. In Superset a
  // virtual dataset reads it with Jinja, WHERE customer_id = '{{ url_param("customer_id") }}'; the demo's dataset
  // behaves as if it held that clause, with the value bound.
  const urlCustomer = query.url_params?.customer_id;
  if (typeof urlCustomer === 'string' && urlCustomer !== '' && dataset.columns.has('customer_id'))
    where.push(`${quote('customer_id')} = ${bind(urlCustomer)}`);

  // `metrics` absent or null is a raw-records query. A list, even an empty one, makes Superset aggregate and
  // GROUP BY every column (superset/models/helpers.py), which PostgreSQL refuses for json columns; the demo does
  // the same so that a buildQuery that sends `metrics: []` fails here as it would in Superset.
  let groupBy = '';
  if (Array.isArray(query.metrics)) {
    if (query.metrics.length) throw new BadRequest('Metrics are not supported by the demo server');
    groupBy = ` GROUP BY ${select.join(', ')}`;
  } else if (query.metrics !== undefined && query.metrics !== null) throw new BadRequest('Unreadable metrics');

  const orderBy = (Array.isArray(query.orderby) ? query.orderby : []).map(entry => {
    const [name, ascending] = Array.isArray(entry) ? entry : [];
    return `${column(name, 'order-by columns')} ${ascending === false ? 'DESC' : 'ASC'}`;
  });

  const requested = Number(query.row_limit);
  const rowLimit =
    Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_ROW_LIMIT) : DEFAULT_ROW_LIMIT;
  const offset = Number(query.row_offset);

  const text =
    `SELECT ${select.join(', ')} FROM (${dataset.sql}) AS ds` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    groupBy +
    (orderBy.length ? ` ORDER BY ${orderBy.join(', ')}` : '') +
    ` LIMIT ${bind(rowLimit)}` +
    (Number.isInteger(offset) && offset > 0 ? ` OFFSET ${bind(offset)}` : '');
  return { text, params, applied, rowLimit };
}

/** One query object -> Superset's result entry (result_type "full"). */
async function runQuery(db, dataset, query) {
  const { text, params, applied } = buildSql(query, dataset);
  let result;
  try {
    result = await db.query(text, params, { parsers: PARSERS });
  } catch (error) {
    // Superset answers a failing query with 400 and the database's message.
    throw new BadRequest(`Error: ${error.message}`);
  }
  const colnames = result.fields.map(field => field.name);
  const jsonColumns = result.fields.filter(field => JSON_OIDS.has(field.dataTypeID)).map(field => field.name);
  const data = result.rows.map(row => {
    jsonColumns.forEach(name => {
      if (typeof row[name] === 'string') row[name] = pythonJsonText(row[name]);
    });
    return row;
  });
  return {
    data,
    colnames,
    coltypes: result.fields.map(field => genericType(field.dataTypeID)),
    rowcount: data.length,
    sql_rowcount: data.length,
    query: text,
    status: 'success',
    error: null,
    stacktrace: null,
    is_cached: false,
    cache_key: null,
    cached_dttm: null,
    queried_dttm: new Date().toISOString().slice(0, 19),
    cache_timeout: 0,
    applied_filters: applied,
    rejected_filters: [],
    applied_template_filters: [],
    label_map: Object.fromEntries(colnames.map(name => [name, [name]])),
    indexnames: data.map((_, i) => i),
    annotation_data: {},
    detected_currency: null,
    from_dttm: null,
    to_dttm: null,
    result_format: 'json',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The database, generated for the project's one reference day (CP360_TODAY, scripts/today.js): the seed's dates
// (Acme renews in 25 days) are relative to it, and the page moves the chart's clock to the same day (see serveStatic),
// so the demo tells the same story on any day it is run.
// ---------------------------------------------------------------------------------------------------------------

const utcDay = () => resolveToday();

async function openDataset(today) {
  const { db, datasetSql } = await createDemoDb({ today });
  const probe = await db.query(`SELECT * FROM (${datasetSql}) AS ds LIMIT 0`);
  const columns = new Map(probe.fields.map(field => [field.name, field.dataTypeID]));
  return { db, today, dataset: { sql: datasetSql, columns } };
}

function databaseKeeper() {
  let current = openDataset(utcDay());
  return {
    async get() {
      const open = await current;
      if (open.today !== utcDay()) {
        const next = openDataset(utcDay());
        current = next;
        next.then(() => open.db.close()).catch(() => undefined);
        return next;
      }
      return open;
    },
    ready: () => current,
    async close() {
      const open = await current;
      await open.db.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------------------

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

function send(res, status, body, type = 'application/json; charset=utf-8') {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', chunk => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BadRequest('Request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new BadRequest('Request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

async function chartData(req, res, keeper) {
  const body = await readJson(req);
  const queries = body && Array.isArray(body.queries) ? body.queries : undefined;
  if (!queries || !queries.length) throw new BadRequest('Request is not a query context: "queries" is missing');
  const { db, dataset } = await keeper.get();
  const result = [];
  for (const query of queries) result.push(await runQuery(db, dataset, query ?? {}));
  send(res, 200, { result });
}

async function customers(res, keeper) {
  const { db, dataset } = await keeper.get();
  const { rows } = await db.query(
    `SELECT customer_id AS id, customer_name AS name, health_score AS health FROM (${dataset.sql}) AS ds
     ORDER BY customer_name, customer_id`,
  );
  send(res, 200, { result: rows });
}

async function datasource(res, keeper) {
  const { dataset } = await keeper.get();
  const columns = Array.from(dataset.columns, ([name, oid]) => ({
    column_name: name,
    type: oid,
    type_generic: genericType(oid),
  }));
  send(res, 200, { result: { columns } });
}

function serveStatic(req, res) {
  const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const file = path.resolve(DIST, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (!file.startsWith(`${DIST}${path.sep}`)) return send(res, 404, { message: 'Not found' });
  fs.readFile(file, (error, content) => {
    if (error) send(res, 404, { message: 'Not found' });
    else if (path.extname(file) === '.html') {
      // The page's clock is moved to the data's reference day before any script of the page runs.
      const clock = `<script>${todayInitScript(utcDay())}</script>`;
      send(res, 200, content.toString('utf8').replace('<head>', `<head>\n    ${clock}`), CONTENT_TYPES['.html']);
    } else send(res, 200, content, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
  });
  return undefined;
}

function createServer(keeper) {
  return http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    let work;
    if (pathname === '/api/v1/chart/data' && req.method === 'POST') work = chartData(req, res, keeper);
    else if (pathname === '/api/demo/customers' && req.method === 'GET') work = customers(res, keeper);
    else if (pathname === '/api/demo/datasource' && req.method === 'GET') work = datasource(res, keeper);
    else if (pathname.startsWith('/api/')) work = Promise.resolve(send(res, 404, { message: 'Not found' }));
    else if (req.method === 'GET' || req.method === 'HEAD') work = Promise.resolve(serveStatic(req, res));
    else work = Promise.resolve(send(res, 405, { message: 'Method not allowed' }));
    work.catch(error => {
      if (error instanceof BadRequest) return send(res, 400, { message: error.message });
      process.stderr.write(`demo server: ${req.method} ${pathname} failed: ${error.stack ?? error}\n`);
      return send(res, 500, { message: 'Internal server error' });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Start-up
// ---------------------------------------------------------------------------------------------------------------

/** Runs webpack with webpack.config.js; resolves when dist/demo is written. */
function runWebpack() {
  // Required here, not at the top: `--no-build` and the exported helpers do not need webpack.
  const webpack = require('webpack');
  const config = require('../webpack.config.js')({});
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close(closeError => {
        if (error || closeError) reject(error || closeError);
        else if (stats.hasErrors()) reject(new Error(stats.toString('errors-only')));
        else resolve();
      });
    });
  });
}

/**
 * The build runs in a worker thread: PGlite boots in this one, and on two cores the two then take about as long as
 * the slower of them instead of their sum.
 */
function buildPage() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { build: true } });
    worker.once('message', message => (message.ok ? resolve() : reject(new Error(message.error))));
    worker.once('error', reject);
    worker.once('exit', code => code !== 0 && reject(new Error(`the build worker exited with code ${code}`)));
  });
}

async function main() {
  const started = Date.now();
  const seconds = since => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const keeper = databaseKeeper();
  const build = process.argv.includes('--no-build') ? Promise.resolve() : buildPage();
  // Both at once: webpack in its worker thread (and esbuild's process), PGlite in this thread.
  await Promise.all([build, keeper.ready()]);

  const server = createServer(keeper);
  const port = Number(process.env.PORT ?? 9360);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  const url = `http://${HOST}:${server.address().port}/`;
  process.stdout.write(`Customer Profile 360 demo on ${url} (ready in ${seconds(started)})\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    keeper.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (!isMainThread && workerData?.build) {
  runWebpack().then(
    () => parentPort.postMessage({ ok: true }),
    error => parentPort.postMessage({ ok: false, error: String(error.stack ?? error) }),
  );
} else if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`demo server failed to start: ${error.stack ?? error}\n`);
    process.exit(1);
  });
}

module.exports = { buildSql, pythonJsonText, pythonFloat, createServer };
