/**
 * The data contract on other database engines. Each dialect's dataset (demo/db/dataset.<dialect>.sql) runs on an
 * engine loaded with the project's demo data (demo/db/seed.js, same "today"), and its rows go through the plugin's
 * own transformProps. Every demo customer must come out as the same model as from PostgreSQL's dataset.sql on
 * PGlite (the reference), with no value the parser could not read, and every detail array in the same order.
 *
 * e2e/engines/run-tests.sh runs this with the engines installed (e2e/engines/setup.sh) and MariaDB started on
 * 127.0.0.1:3407. The engines run once, in one Python process (e2e/engines/run_engines.py), which hands back the
 * rows as Superset's chart-data API would: dates as epoch ms, decimals as floats, nested values as JSON text.
 * CP360_ENGINES=duckdb,clickhouse limits the engines; CP360_ENGINES_PYTHON names the venv's python.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import path from 'path';
import transformProps, { CustomerProfileChartProps } from '../../src/plugin/transformProps';
import { CustomerProfileFormData, DEFAULT_FORM_DATA } from '../../src/plugin/formData';
import type { ParsedCustomer } from '../../src/model/types';

/* eslint-disable @typescript-eslint/no-var-requires */
const { buildSeedSql } = require('../../demo/db/seed');
const { resolveToday } = require('../../scripts/today');
/* eslint-enable @typescript-eslint/no-var-requires */

// Only under jest.engines.config.js, which sets the flag: the unit suite's roots include test/, and this file needs
// the engines stage's venv and MariaDB.
const stage = process.env.CP360_ENGINES_E2E === '1' ? describe : describe.skip;

type Row = Record<string, unknown>;
interface EngineResult {
  engine: string;
  version?: string;
  colnames?: string[];
  rows?: Row[];
  driverTypes?: Record<string, string[]>;
  seconds?: Record<string, number>;
  error?: string;
  trace?: string;
}

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'artifacts', 'engines');
const TODAY: string = resolveToday();
const PYTHON =
  process.env.CP360_ENGINES_PYTHON ||
  path.join(process.env.CP360_ENGINES_VENV || '/tmp/cp360-engines-venv', 'bin', 'python');

/** What each engine is and how it was tested: the test names say it. */
const ENGINES: { engine: string; label: string }[] = [
  { engine: 'mariadb', label: 'MySQL dialect on a real MariaDB server' },
  {
    engine: 'clickhouse',
    label: 'ClickHouse dialect on chDB (in-process ClickHouse)',
  },
  { engine: 'duckdb', label: 'DuckDB dialect on DuckDB (in-process)' },
  {
    engine: 'snowflake',
    label: 'Snowflake dialect on fakesnow (an emulator, not Snowflake)',
  },
  {
    engine: 'bigquery',
    label: 'BigQuery dialect parsed by sqlglot, its DuckDB translation run (not BigQuery)',
  },
];
const selected = (process.env.CP360_ENGINES || ENGINES.map(e => e.engine).join(','))
  .split(',')
  .map(s => s.trim())
  .filter(Boolean);

const DETAIL_COLUMNS = [
  'arr_history',
  'invoices',
  'payments',
  'product_usage',
  'usage_trend',
  'health_breakdown',
  'health_history',
  'activities',
  'contacts',
  'contact_details',
  'documents',
];

// Everything visible: sensitive and financial data on, so the whole row reaches the model and is compared.
const formData = {
  ...DEFAULT_FORM_DATA,
  viz_type: 'customer_profile',
  datasource: '1__table',
  show_sensitive_data: true,
  show_financial_data: true,
} as unknown as CustomerProfileFormData;

/** Chart props as Superset builds them for transformProps (as test/superset/chartData.test.ts does). */
function parse(rows: Row[], colnames: string[]): Map<string, ParsedCustomer> {
  const props = transformProps({
    width: 1200,
    height: 800,
    rawFormData: formData,
    formData,
    queriesData: [{ data: rows, colnames }],
  } as unknown as CustomerProfileChartProps);
  if (props.model.status !== 'ok')
    throw new Error(`model status ${props.model.status}: ${JSON.stringify(props.model)}`);
  expect(props.model.issues).toEqual([]);
  return new Map(props.model.customers.map(c => [c.profile.id as string, c]));
}

/** PostgreSQL's dataset.sql on PGlite, in a child process (e2e/engines/reference.js says why). */
function referenceRows(outFile: string): Promise<{ rows: Row[]; colnames: string[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'e2e/engines/reference.js'), outFile],
      { timeout: 3 * 60 * 1000 },
      error => {
        if (error) reject(new Error(`e2e/engines/reference.js failed: ${error.message}`));
        else resolve(JSON.parse(fs.readFileSync(outFile, 'utf8')));
      },
    );
  });
}

function runEngines(seedFile: string, outDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      [
        '-W',
        'ignore',
        path.join(ROOT, 'e2e/engines/run_engines.py'),
        '--seed',
        seedFile,
        '--out',
        outDir,
        '--engines',
        selected.join(','),
      ],
      { timeout: 6 * 60 * 1000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // A failing engine still writes its own file with the error; only a crash of the runner is fatal here.
        if (error && !selected.every(e => fs.existsSync(path.join(outDir, `${e}.json`)))) {
          reject(new Error(`${PYTHON} run_engines.py failed: ${error.message}\n${stderr}`));
        } else resolve(`${stdout}${stderr}`);
      },
    );
  });
}

/** A detail array's values, compared across engines: numbers as numbers, dates as their day, 1/0 as booleans. */
function normaliseDetail(value: unknown): unknown {
  const items = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(items)) return items;
  return items.map(item =>
    Object.fromEntries(
      Object.entries(item as Row).map(([key, v]) => {
        if (key === 'is_primary' && (v === 1 || v === 0)) return [key, v === 1]; // MySQL's BOOLEAN is TINYINT
        if (typeof v === 'string' && /^\d{4}-\d\d-\d\d([ T]00:00:00(\.0+)?Z?)?$/.test(v)) return [key, v.slice(0, 10)];
        if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && key !== 'invoice_id') return [key, Number(v)];
        return [key, v];
      }),
    ),
  );
}

stage('the dataset on other engines, against PostgreSQL', () => {
  let reference: {
    rows: Row[];
    colnames: string[];
    customers: Map<string, ParsedCustomer>;
  };
  const results = new Map<string, EngineResult>();
  let runnerLog = '';

  beforeAll(
    async () => {
      if (!fs.existsSync(PYTHON)) {
        throw new Error(`${PYTHON} not found: run "bash e2e/engines/setup.sh" (or e2e/engines/run-tests.sh) first`);
      }
      const outDir = path.join(OUT, 'results');
      fs.rmSync(outDir, { recursive: true, force: true });
      fs.mkdirSync(outDir, { recursive: true });
      // The generator's data for the one "today", the same INSERTs for every engine.
      const seedFile = path.join(OUT, 'seed.sql');
      fs.writeFileSync(seedFile, buildSeedSql({ today: TODAY }));
      const [ref, log] = await Promise.all([
        referenceRows(path.join(outDir, 'postgresql.json')),
        runEngines(seedFile, outDir),
      ]);
      runnerLog = log;
      reference = { ...ref, customers: parse(ref.rows, ref.colnames) };
      for (const engine of selected) {
        results.set(engine, JSON.parse(fs.readFileSync(path.join(outDir, `${engine}.json`), 'utf8')));
      }
    },
    7 * 60 * 1000,
  );

  afterAll(() => {
    // What each driver returned and how long each engine took, for docs/ENGINES.md.
    if (!results.size) return;
    const summary = Array.from(results.values()).map(({ rows: _rows, trace: _trace, ...rest }) => rest);
    fs.writeFileSync(
      path.join(OUT, 'summary.json'),
      `${JSON.stringify({ today: TODAY, runnerLog, summary }, null, 2)}\n`,
    );
  });

  test(`reference: PostgreSQL dataset.sql on PGlite gives Acme ARR 250,000, health 45, renewal in 25 days`, () => {
    expect(reference.customers.size).toBe(65);
    const acme = reference.customers.get('ACME-001');
    expect(acme?.issues).toEqual([]);
    expect(acme?.profile.revenue?.currentArr).toBe(250000);
    expect(acme?.profile.health.score).toBe(45);
    const renewal = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 25 * 86400000).toISOString().slice(0, 10);
    expect(acme?.profile.renewal.renewalDate?.slice(0, 10)).toBe(renewal);
    expect(acme?.profile.activity.items).toHaveLength(120);
    expect(acme?.profile.contacts).toHaveLength(6);
    // The e-mails and phones come from contact_details (contacts carries none, or the author would get a note).
    expect(acme?.profile.contacts.every(c => !!c.email && !!c.phone)).toBe(true);
    // Every customer reads cleanly, so a clean engine result below means the same thing.
    reference.customers.forEach(c => expect(c.issues).toEqual([]));
  });

  describe.each(ENGINES.filter(e => selected.includes(e.engine)))('$label', ({ engine, label }) => {
    const result = () => {
      const r = results.get(engine);
      if (!r) throw new Error(`${engine}: no result`);
      if (r.error) throw new Error(`${label}: ${r.error}\n${r.trace ?? ''}`);
      return r as Required<EngineResult>;
    };

    test(`${engine}: every contract column, one row per demo customer, detail arrays in PostgreSQL's order`, () => {
      const r = result();
      expect([...r.colnames].sort()).toEqual([...reference.colnames].sort());
      expect(r.rows.map(row => row.customer_id).sort()).toEqual(reference.rows.map(row => row.customer_id).sort());
      const byId = new Map(r.rows.map(row => [row.customer_id, row]));
      reference.rows.forEach(ref => {
        const row = byId.get(ref.customer_id) as Row;
        DETAIL_COLUMNS.forEach(column => {
          expect({
            customer: ref.customer_id,
            column,
            value: normaliseDetail(row[column]),
          }).toEqual({
            customer: ref.customer_id,
            column,
            value: normaliseDetail(ref[column]),
          });
        });
      });
    });

    test(`${engine}: transformProps gives every demo customer the same model as PostgreSQL, nothing unreadable`, () => {
      const r = result();
      const customers = parse(r.rows, r.colnames);
      expect([...customers.keys()].sort()).toEqual([...reference.customers.keys()].sort());
      reference.customers.forEach((ref, id) => {
        const got = customers.get(id) as ParsedCustomer;
        expect({ id, issues: got.issues }).toEqual({ id, issues: [] });
        expect({ id, profile: got.profile }).toEqual({
          id,
          profile: ref.profile,
        });
      });
      const acme = customers.get('ACME-001')?.profile;
      expect(acme?.revenue?.currentArr).toBe(250000);
      expect(acme?.health.score).toBe(45);
    });
  });
});
