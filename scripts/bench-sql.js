#!/usr/bin/env node
/**
 * The dataset query at scale: `npm run bench:sql`.
 *
 * Starts a PostgreSQL cluster of its own (Debian's server, /usr/lib/postgresql/<version>/bin; installed with apt when
 * missing) in /tmp/cp360-benchsql as user postgres, on 127.0.0.1:5441 and a socket in that folder, loads
 * demo/db/schema.sql and fills it at scale with scripts/bench-sql-data.sql (generate_series, nothing checked in):
 * 100,000 customers, 10,000,000 activities, 1,000,000 invoices, 1,000,000 payments. Then it times the one-customer
 * query as Superset sends it (demo/db/dataset.sql wrapped, filtered on customer_id, LIMIT), for random customers:
 * first without the schema's secondary indexes (dropped before the load), then with them (built after it).
 * Writes bench/SQL.md and the README's block between <!-- bench:sql:start --> and <!-- bench:sql:end -->, the raw
 * timings and query plans under artifacts/bench/. The server is stopped at the end, whatever happens.
 *
 *   npm run bench:sql                 load (about 5 minutes on 2 cores) and measure; the loaded cluster is kept
 *   npm run bench:sql -- --reuse      measure again on the cluster already loaded (same scale), no new load
 *   npm run bench:sql -- --drop       stop and delete the cluster folder at the end
 *
 * Environment: BENCH_SQL_QUERIES (200, with the indexes), BENCH_SQL_QUERIES_NO_INDEX (20: each takes seconds),
 * BENCH_SQL_CUSTOMERS, BENCH_SQL_ACTIVITIES, BENCH_SQL_INVOICES (the scale), CP360_TODAY (scripts/today.js).
 * Timings are psql's \timing: round trip from the client, the JSON text transferred included.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { resolveToday } = require('./today');
const { replaceBetween } = require('../bench/markers');
const { machine, quantile } = require('../bench/stats');

const ROOT = path.resolve(__dirname, '..');
const DIR = '/tmp/cp360-benchsql';
const DATA = path.join(DIR, 'data');
const PORT = 5441;
const SCALE = {
  customers: Number(process.env.BENCH_SQL_CUSTOMERS || 100_000),
  activities: Number(process.env.BENCH_SQL_ACTIVITIES || 10_000_000),
  invoices: Number(process.env.BENCH_SQL_INVOICES || 1_000_000),
};
const QUERIES = Number(process.env.BENCH_SQL_QUERIES || 200);
const QUERIES_NO_INDEX = Number(process.env.BENCH_SQL_QUERIES_NO_INDEX || 20);
const ARTIFACTS = path.join(ROOT, 'artifacts', 'bench');
const SQL_MD = path.join(ROOT, 'bench', 'SQL.md');
const README = path.join(ROOT, 'README.md');
const README_START = '<!-- bench:sql:start -->';
const README_END = '<!-- bench:sql:end -->';
const LOADED = path.join(DIR, 'loaded.json');

const log = message => console.error(message);
const int = n => n.toLocaleString('en-US');
const ms = v => (v < 10 ? `${v.toFixed(2)} ms` : v < 1000 ? `${v.toFixed(1)} ms` : `${(v / 1000).toFixed(2)} s`);

function pgBin() {
  const base = '/usr/lib/postgresql';
  const versions = () => (fs.existsSync(base) ? fs.readdirSync(base).filter(v => fs.existsSync(path.join(base, v, 'bin', 'initdb'))) : []);
  if (!versions().length) {
    log('PostgreSQL is missing: apt-get install -y postgresql');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const version = versions().sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error('no PostgreSQL server under /usr/lib/postgresql after apt-get install postgresql');
  return { bin: path.join(base, version, 'bin'), version };
}

/** A command as user postgres (initdb and the server refuse to run as root). */
function asPostgres(command, args, options = {}) {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed (${result.status}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

function psql(bin, args, input) {
  return asPostgres(path.join(bin, 'psql'), ['-h', DIR, '-p', String(PORT), '-U', 'postgres', '-d', 'postgres', '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], {
    input,
  });
}

function startCluster(bin, fresh) {
  if (fresh && fs.existsSync(DIR)) fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  execFileSync('chown', ['postgres:postgres', DIR]);
  if (!fs.existsSync(path.join(DATA, 'PG_VERSION'))) {
    log(`initdb ${DATA}`);
    // trust: the server listens on loopback and a socket in a folder of its own, for this bench only
    asPostgres(path.join(bin, 'initdb'), ['-D', DATA, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  }
  const options = [
    `-p ${PORT}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${DIR}'`,
    '-c shared_buffers=1GB',
    '-c work_mem=64MB',
    '-c maintenance_work_mem=1GB',
    '-c max_wal_size=8GB',
    // a throwaway load: durability is not what is measured
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  asPostgres(path.join(bin, 'pg_ctl'), ['-D', DATA, '-l', path.join(DIR, 'server.log'), '-o', options, '-w', '-t', '120', 'start'], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function stopCluster(bin) {
  if (!fs.existsSync(path.join(DATA, 'postmaster.pid'))) return;
  try {
    asPostgres(path.join(bin, 'pg_ctl'), ['-D', DATA, '-m', 'fast', '-w', 'stop']);
    log('server stopped');
  } catch (error) {
    log(`stopping the server: ${error.message}`);
  }
}

/** The schema's secondary indexes, read from demo/db/schema.sql: what a production database of this shape has. */
function schemaIndexes(schema) {
  return [...schema.matchAll(/^CREATE (UNIQUE )?INDEX (\w+) ON [^;]+;/gm)].map(m => ({ name: m[2], sql: m[0] }));
}

function load(bin, today, indexes) {
  const schema = fs.readFileSync(path.join(ROOT, 'demo/db/schema.sql'), 'utf8');
  psql(bin, [], `${schema}\n${indexes.map(i => `DROP INDEX ${i.name};`).join('\n')}\n`);
  const started = Date.now();
  log(`loading ${int(SCALE.customers)} customers, ${int(SCALE.activities)} activities, ${int(SCALE.invoices)} invoices ...`);
  psql(bin, [
    '-v', `customers=${SCALE.customers}`,
    '-v', `activities=${SCALE.activities}`,
    '-v', `invoices=${SCALE.invoices}`,
    '-v', `today=${today}`,
    '-f', path.join(__dirname, 'bench-sql-data.sql'),
  ]);
  psql(bin, [], 'VACUUM ANALYZE;');
  const seconds = (Date.now() - started) / 1000;
  log(`loaded in ${seconds.toFixed(0)} s`);
  fs.writeFileSync(LOADED, JSON.stringify({ scale: SCALE, today, seconds }));
  return seconds;
}

function counts(bin) {
  const tables = ['customers', 'activities', 'invoices', 'payments', 'documents', 'contacts', 'arr_history', 'usage_trend'];
  const out = psql(bin, ['-A', '-t', '-F', '\t'], tables.map(t => `SELECT '${t}', count(*) FROM ${t};`).join('\n'));
  const rows = Object.fromEntries(out.trim().split('\n').map(line => line.split('\t')).map(([t, n]) => [t, Number(n)]));
  const size = psql(bin, ['-A', '-t'], "SELECT pg_size_pretty(pg_database_size('postgres'));").trim();
  return { rows, size };
}

/** mulberry32: the customers queried are the same on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const customerId = k => `C${String(k).padStart(6, '0')}`;

/** What Superset sends for the chart on a virtual dataset with a customer filter: the dataset wrapped, filtered, limited. */
function supersetQuery(datasetSql, id) {
  return `SELECT * FROM (\n${datasetSql}\n) AS virtual_table WHERE customer_id = '${id}' LIMIT 50;`;
}

/** psql's \timing for each query; results to /dev/null, timings to stdout. */
function timeQueries(bin, datasetSql, ids) {
  const script = ['\\o /dev/null', '\\timing on', ...ids.map(id => supersetQuery(datasetSql, id))].join('\n');
  const out = psql(bin, [], script);
  const times = [...out.matchAll(/^Time: ([\d.]+) ms/gm)].map(m => Number(m[1]));
  if (times.length !== ids.length) throw new Error(`expected ${ids.length} timings from psql, got ${times.length}`);
  return times;
}


function stats(times) {
  return { n: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), min: Math.min(...times), max: Math.max(...times) };
}

function plan(bin, datasetSql, id) {
  return psql(bin, ['-A', '-t'], `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${supersetQuery(datasetSql, id).replace(/;$/, '')};`);
}

function main() {
  const args = process.argv.slice(2);
  const reuse = args.includes('--reuse');
  const drop = args.includes('--drop');
  const today = resolveToday();
  const { bin, version } = pgBin();
  const datasetSql = fs.readFileSync(path.join(ROOT, 'demo/db/dataset.sql'), 'utf8').trim();
  const indexes = schemaIndexes(fs.readFileSync(path.join(ROOT, 'demo/db/schema.sql'), 'utf8'));
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const loadStart = os.loadavg();
  const previous = fs.existsSync(LOADED) ? JSON.parse(fs.readFileSync(LOADED, 'utf8')) : null;
  const canReuse = reuse && previous && JSON.stringify(previous.scale) === JSON.stringify(SCALE) && previous.today === today;
  if (reuse && !canReuse) log('--reuse: no cluster loaded at this scale and day, loading anew');
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  const stop = () => stopCluster(bin);
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    startCluster(bin, !canReuse);
    const loadSeconds = canReuse ? previous.seconds : load(bin, today, indexes);
    const { rows, size } = counts(bin);
    const next = random(360);
    const ids = Array.from({ length: QUERIES }, () => customerId(1 + Math.floor(next() * SCALE.customers)));
    // The heaviest customer of the skew (most activities) is timed on its own: the worst case a dashboard meets.
    const heaviest = customerId(1);

    psql(bin, [], indexes.map(i => `DROP INDEX IF EXISTS ${i.name};`).join('\n'));
    log(`without the schema's indexes: ${QUERIES_NO_INDEX} queries ...`);
    timeQueries(bin, datasetSql, ids.slice(0, 2)); // warm the cache
    const without = timeQueries(bin, datasetSql, ids.slice(0, QUERIES_NO_INDEX));
    const withoutHeaviest = timeQueries(bin, datasetSql, [heaviest]);
    fs.writeFileSync(path.join(ARTIFACTS, 'sql-plan-without-indexes.txt'), plan(bin, datasetSql, ids[0]));

    log(`building the indexes: ${indexes.map(i => i.name).join(', ')}`);
    const indexStarted = Date.now();
    psql(bin, [], `${indexes.map(i => i.sql).join('\n')}\nANALYZE;`);
    const indexSeconds = (Date.now() - indexStarted) / 1000;
    log(`with them: ${QUERIES} queries ...`);
    timeQueries(bin, datasetSql, ids.slice(0, 10)); // warm the cache
    const withIdx = timeQueries(bin, datasetSql, ids);
    const withHeaviest = timeQueries(bin, datasetSql, [heaviest, heaviest, heaviest]);
    fs.writeFileSync(path.join(ARTIFACTS, 'sql-plan-with-indexes.txt'), plan(bin, datasetSql, ids[0]));
    fs.writeFileSync(path.join(ARTIFACTS, 'sql-plan-heaviest.txt'), plan(bin, datasetSql, heaviest));
    const heaviestCounts = psql(bin, ['-A', '-t', '-F', '\t'], `SELECT (SELECT count(*) FROM activities WHERE customer_id = '${heaviest}'), (SELECT count(*) FROM invoices WHERE customer_id = '${heaviest}'), (SELECT count(*) FROM documents WHERE customer_id = '${heaviest}');`)
      .trim()
      .split('\t')
      .map(Number);
    const loadEnd = os.loadavg();

    const result = {
      date: new Date().toISOString(),
      commit,
      today,
      postgres: version,
      machine: machine(),
      load: { start: loadStart, end: loadEnd },
      scale: SCALE,
      rows,
      size,
      loadSeconds,
      indexSeconds,
      indexes: indexes.map(i => i.name),
      without: { ...stats(without), samples: without, heaviest: withoutHeaviest[0] },
      with: { ...stats(withIdx), samples: withIdx, heaviest: Math.min(...withHeaviest) },
      heaviest: { id: heaviest, activities: heaviestCounts[0], invoices: heaviestCounts[1], documents: heaviestCounts[2] },
    };
    fs.writeFileSync(path.join(ARTIFACTS, 'sql.json'), `${JSON.stringify(result, null, 2)}\n`);
    const md = report(result);
    fs.writeFileSync(SQL_MD, md.full);
    fs.writeFileSync(README, replaceBetween(fs.readFileSync(README, 'utf8'), README_START, README_END, md.block));
    console.log(md.full);
    log('wrote bench/SQL.md, the README block between <!-- bench:sql:start --> and <!-- bench:sql:end -->, artifacts/bench/sql*.{json,txt}');
  } finally {
    stop();
    if (drop) fs.rmSync(DIR, { recursive: true, force: true });
  }
}

function report(r) {
  const load = `${r.load.start.map(v => v.toFixed(2)).join(', ')} at the start, ${r.load.end.map(v => v.toFixed(2)).join(', ')} at the end (1, 5, 15 min)`;
  const scale = `${int(r.rows.customers)} customers, ${int(r.rows.activities)} activities, ${int(r.rows.invoices)} invoices, ${int(r.rows.payments)} payments, ${int(r.rows.documents)} documents, ${int(r.rows.contacts)} contacts, ${int(r.rows.arr_history)} ARR months, ${int(r.rows.usage_trend)} usage days`;
  const line = (what, s, heaviest) =>
    `| ${what} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.min)} | ${ms(s.max)} | ${ms(heaviest)} |`;
  const table = [
    `| the one-customer query | queries | p50 | p95 | min | max | heaviest customer (${int(r.heaviest.activities)} activities) |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    line(`with the schema's indexes (${r.indexes.length})`, r.with, r.with.heaviest),
    line('without them', r.without, r.without.heaviest),
  ].join('\n');
  const facts =
    `PostgreSQL ${r.postgres} (Debian), its own cluster; ${scale} (${r.size} on disk), generated by ` +
    '`scripts/bench-sql-data.sql` with a mild skew (a few customers carry thousands of activities). ' +
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memory}; load average ${load}. ` +
    `Commit \`${r.commit}\`, ${r.date.slice(0, 16).replace('T', ' ')} UTC, CP360_TODAY ${r.today}.`;
  const how =
    "The query is `demo/db/dataset.sql` as Superset sends it for a chart on that virtual dataset with a customer filter: " +
    "`SELECT * FROM (<dataset>) AS virtual_table WHERE customer_id = '…' LIMIT 50`, for random customers (seeded), " +
    "timed by psql (round trip, the row's JSON transferred). The indexes are demo/db/schema.sql's secondary ones " +
    `(${r.indexes.join(', ')}), built in ${r.indexSeconds.toFixed(0)} s after the load; "without" drops them ` +
    '(primary keys stay). PostgreSQL pushes the filter into the dataset, so each correlated subquery reads one ' +
    'customer’s rows through an index; without the indexes, activities, invoices, payments, contacts and documents ' +
    'are scanned whole for every query.';
  const block = [
    README_START,
    '<!-- Written by `npm run bench:sql` (scripts/bench-sql.js); edit the script, not this block. -->',
    '',
    `**The dataset query at scale** (\`npm run bench:sql\`, details in \`bench/SQL.md\`): ${facts}`,
    '',
    table,
    '',
    README_END,
  ].join('\n');
  const full = [
    '# Customer Profile 360: the dataset query at scale',
    '',
    'Written by `npm run bench:sql` (scripts/bench-sql.js) from one run; edit the script, not this file. Raw timings and',
    'the query plans: `artifacts/bench/sql.json`, `artifacts/bench/sql-plan-*.txt`.',
    '',
    facts,
    '',
    table,
    '',
    how,
    '',
    `Load: ${r.loadSeconds.toFixed(0)} s for the data (generate_series, no foreign-key triggers), then VACUUM ANALYZE.`,
    '',
  ].join('\n');
  return { block, full };
}

main();
