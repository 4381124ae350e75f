#!/usr/bin/env node
'use strict';
/**
 * The reference rows of the engines stage: PostgreSQL's dataset (demo/db/dataset.sql) on PGlite loaded with the
 * demo data for the one "today", wrapped as Superset wraps a virtual dataset, and the values as Superset's
 * chart-data API sends them for PostgreSQL (as demo/server.js answers): numeric and bigint as numbers, dates as
 * epoch milliseconds, json as its text.
 *
 *   node e2e/engines/reference.js OUT_JSON
 *
 * A separate process because PGlite loads its file system bundle with a dynamic import(), which Jest's VM refuses
 * without --experimental-vm-modules.
 */
const fs = require('fs');
const { createDemoDb } = require('../../demo/db/load');
const { resolveToday } = require('../../scripts/today');

const OID = {
  int8: 20,
  numeric: 1700,
  json: 114,
  jsonb: 3802,
  date: 1082,
  timestamp: 1114,
};
const PARSERS = {
  [OID.numeric]: text => Number(text),
  [OID.int8]: text => Number(text),
  [OID.json]: text => text,
  [OID.jsonb]: text => text,
  [OID.date]: text => Date.parse(`${text}T00:00:00Z`),
  [OID.timestamp]: text => Date.parse(`${text.replace(' ', 'T')}Z`),
};

async function main(outFile) {
  const today = resolveToday();
  const { db, datasetSql } = await createDemoDb({ today });
  try {
    const t0 = Date.now();
    const result = await db.query(`SELECT * FROM (${datasetSql}) AS virtual_table`, [], { parsers: PARSERS });
    const payload = {
      engine: 'postgresql',
      version: (await db.query('SELECT version() AS v')).rows[0].v,
      today,
      colnames: result.fields.map(f => f.name),
      rows: result.rows,
      seconds: { query: (Date.now() - t0) / 1000 },
    };
    fs.writeFileSync(outFile, JSON.stringify(payload));
  } finally {
    await db.close();
  }
}

if (!process.argv[2]) {
  process.stderr.write('usage: node e2e/engines/reference.js OUT_JSON\n');
  process.exit(2);
}
main(process.argv[2]).catch(err => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
