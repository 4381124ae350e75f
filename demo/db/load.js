#!/usr/bin/env node
'use strict';
/**
 * Loads the demo database.
 *
 *   createDemoDb({ today })       in-memory PGlite with schema + seed data
 *   buildDemoSql({ today })       schema.sql + seed INSERTs as one string
 *   writePostgresDump(file, opts) the same, written to a file for psql
 *
 * CLI (for a real PostgreSQL server):
 *   node demo/db/load.js --print-sql [--today=YYYY-MM-DD] | psql "$DATABASE_URL"
 *   node demo/db/load.js --print-dataset        # the dataset query
 */

const fs = require('fs');
const path = require('path');
const { buildSeedSql } = require('./seed');

const SCHEMA_FILE = path.join(__dirname, 'schema.sql');
const DATASET_FILE = path.join(__dirname, 'dataset.sql');

// The project's one reference day (CP360_TODAY, scripts/today.js), so every caller that omits `today` agrees, and a
// run that crosses midnight UTC still loads the data the tests expect.
const { resolveToday } = require('../../scripts/today');

function utcToday() {
  return resolveToday();
}

function readSchemaSql() {
  return fs.readFileSync(SCHEMA_FILE, 'utf8');
}

// Without the trailing newline / semicolon so it can be wrapped as a subquery:
// SELECT * FROM (<datasetSql>) ds WHERE ...
function readDatasetSql() {
  return fs.readFileSync(DATASET_FILE, 'utf8').trim().replace(/;\s*$/, '');
}

function buildDemoSql({ today = utcToday() } = {}) {
  return `${readSchemaSql()}\n${buildSeedSql({ today })}`;
}

// PGlite ships a CommonJS build, and require() works under Jest without
// --experimental-vm-modules (and honours NODE_PATH). Fall back to import()
// for builds that are ESM-only.
async function loadPGlite() {
  try {
    return require('@electric-sql/pglite').PGlite;
  } catch (err) {
    if (err && (err.code === 'ERR_REQUIRE_ESM' || err.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED')) {
      return (await import('@electric-sql/pglite')).PGlite;
    }
    if (err && err.code === 'MODULE_NOT_FOUND') {
      err.message += '\n@electric-sql/pglite is needed for the in-memory demo database (npm i -D @electric-sql/pglite).';
    }
    throw err;
  }
}

/**
 * @param {{ today?: Date | string }} [options] reference date (UTC day)
 * @returns {Promise<{ db: import('@electric-sql/pglite').PGlite, datasetSql: string }>}
 */
async function createDemoDb({ today = utcToday() } = {}) {
  const PGlite = await loadPGlite();
  const db = new PGlite();
  await db.exec(readSchemaSql());
  await db.exec(buildSeedSql({ today }));
  return { db, datasetSql: readDatasetSql() };
}

async function writePostgresDump(file, { today = utcToday() } = {}) {
  await fs.promises.writeFile(file, buildDemoSql({ today }), 'utf8');
  return file;
}

function parseArgs(argv) {
  const todayArg = argv.find((a) => a.startsWith('--today='));
  return {
    printSql: argv.includes('--print-sql'),
    printDataset: argv.includes('--print-dataset'),
    today: todayArg ? todayArg.slice('--today='.length) : utcToday(),
  };
}

if (require.main === module) {
  // `... --print-sql | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const args = parseArgs(process.argv.slice(2));
  if (args.printSql) process.stdout.write(buildDemoSql({ today: args.today }));
  else if (args.printDataset) process.stdout.write(`${readDatasetSql()}\n`);
  else {
    process.stderr.write('usage: node demo/db/load.js --print-sql [--today=YYYY-MM-DD] | --print-dataset\n');
    process.exitCode = 2;
  }
}

module.exports = { createDemoDb, writePostgresDump, buildDemoSql, readDatasetSql, readSchemaSql };
