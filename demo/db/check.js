#!/usr/bin/env node
'use strict';
/**
 * Self-check of the demo database: loads schema + seed into PGlite, runs
 * dataset.sql and verifies the data contract, the Acme facts and the
 * coherence rules the demo relies on. Exit code 1 on any failure.
 *
 *   node demo/db/check.js [--today=YYYY-MM-DD]
 *
 * Needs @electric-sql/pglite resolvable from here (or via NODE_PATH).
 */

const fs = require('fs');
const path = require('path');
const { buildSeedSql, ACME, toDayNumber } = require('./seed');
const { createDemoDb, readSchemaSql } = require('./load');

const CONTRACT_COLUMNS = {
  text: ['customer_id', 'customer_name', 'legal_name', 'inn', 'segment', 'industry', 'region', 'city', 'address',
    'phone', 'email', 'website', 'csm_id', 'csm_name', 'csm_email', 'csm_phone', 'active_products'],
  integer: ['employee_count', 'total_invoices', 'health_score', 'nps_score', 'support_ticket_count_30d',
    'churn_risk_score', 'contract_term_months', 'product_count', 'total_interactions'],
  numeric: ['current_arr', 'prev_month_arr', 'arr_growth_mom', 'arr_growth_yoy', 'ltv', 'total_paid',
    'avg_payment_delay', 'csat_score', 'avg_resolution_time_hours', 'avg_feature_adoption'],
  date: ['customer_since', 'first_payment_date', 'last_payment_date', 'renewal_date', 'contract_end_date',
    'last_active_date', 'last_interaction_date'],
  detail: ['arr_history', 'invoices', 'payments', 'product_usage', 'usage_trend', 'health_breakdown',
    'health_history', 'activities', 'contacts', 'contact_details', 'documents'],
};
const ALL_COLUMNS = Object.values(CONTRACT_COLUMNS).flat();
const EDGE_DATES = ['2024-02-29', '2024-12-31', '2025-01-01', '2025-07-07', '2026-03-31'];

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok - ${name}`);
  } else {
    failed += 1;
    console.log(`not ok - ${name}${detail === undefined ? '' : ` (${typeof detail === 'string' ? detail : JSON.stringify(detail)})`}`);
  }
}

const DAY_MS = 86400000;
const dayOf = (v) => (v instanceof Date ? Math.floor(v.getTime() / DAY_MS) : toDayNumber(String(v).slice(0, 10)));
const dateStr = (v) => (v === null || v === undefined ? null : new Date(dayOf(v) * DAY_MS).toISOString().slice(0, 10));
const num = (v) => (v === null || v === undefined ? null : Number(v));
const parseDetail = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
const near = (a, b, eps = 0.011) => Math.abs(a - b) <= eps;
const sum = (xs) => xs.reduce((s, x) => s + x, 0);

function typeName(v) {
  if (v === null) return 'null';
  if (v instanceof Date) return 'Date';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function parseArgs() {
  const arg = process.argv.slice(2).find((a) => a.startsWith('--today='));
  if (arg) return arg.slice('--today='.length);
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
}

function checkGenerator(today) {
  const a = buildSeedSql({ today });
  const b = buildSeedSql({ today: new Date(`${today}T23:59:59Z`) });
  check('seed is deterministic for a reference day', a === b);
  check('seed changes with the reference day', a !== buildSeedSql({ today: '2021-06-15' }));
  check('seed SQL is under 3 MB', Buffer.byteLength(a) < 3 * 1024 * 1024, `${Buffer.byteLength(a)} bytes`);
  const src = fs.readFileSync(path.join(__dirname, 'seed.js'), 'utf8');
  check('seed.js uses neither Math.random nor Date.now', !/Math\.random|Date\.now/.test(src));
}

function checkAcme(row, T, label = '') {
  const p = (s) => `${label}Acme: ${s}`;
  check(p('identity'), row.customer_id === ACME.id && row.customer_name === ACME.name
    && row.legal_name === ACME.legalName && row.inn === ACME.inn);
  check(p('segment, industry, region, city'), row.segment === ACME.segment && row.industry === ACME.industry
    && row.region === ACME.region && row.city === ACME.city);
  check(p('CSM John Smith'), row.csm_name === ACME.csm.name && row.csm_email === ACME.csm.email);
  check(p('employees 500, customer since 2020-01-15'), row.employee_count === ACME.employeeCount
    && dateStr(row.customer_since) === ACME.customerSince);
  check(p('ARR 250000, YoY +15 %, LTV 1.2M'), num(row.current_arr) === ACME.arr
    && num(row.arr_growth_yoy) === ACME.arrGrowthYoy && num(row.ltv) === ACME.ltv,
  [row.current_arr, row.arr_growth_yoy, row.ltv]);
  check(p('health 45 (critical)'), row.health_score === ACME.health && row.health_score < 50);
  check(p('renewal in 25 days'), dayOf(row.renewal_date) - T === ACME.renewalDays
    && dayOf(row.contract_end_date) < dayOf(row.renewal_date), dateStr(row.renewal_date));
  check(p('products CRM, BI, API'), row.active_products === ACME.products.join(', ')
    && row.product_count === ACME.products.length);
  check(p('48 invoices, small payment delay'), row.total_invoices === ACME.totalInvoices
    && num(row.avg_payment_delay) <= 7, [row.total_invoices, row.avg_payment_delay]);

  const d = Object.fromEntries(CONTRACT_COLUMNS.detail.map((c) => [c, parseDetail(row[c])]));
  const counts = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.length]));
  const expected = { arr_history: ACME.counts.arrHistory, invoices: ACME.counts.invoices,
    payments: ACME.counts.payments, product_usage: ACME.counts.productUsage, usage_trend: ACME.counts.usageTrend,
    health_breakdown: ACME.counts.healthBreakdown, health_history: ACME.counts.healthHistory,
    activities: ACME.counts.activities, contacts: ACME.counts.contacts, contact_details: ACME.counts.contacts,
    documents: ACME.counts.documents };
  check(p('detail sizes'), JSON.stringify(counts) === JSON.stringify(expected), counts);
  check(p('some payments late'), d.payments.filter((x) => x.days_late > 0).length >= 5);
  check(p('usage trend ends yesterday'), dayOf(d.usage_trend[d.usage_trend.length - 1].date) === T - 1);
  const lowest = d.health_breakdown.slice().sort((a, b) => a.score - b.score);
  check(p('Support is the clearly lowest health component'), lowest[0].component === ACME.lowestHealthComponent
    && lowest[1].score - lowest[0].score >= 5, lowest.map((x) => `${x.component}=${x.score}`));
  check(p('all six activity types'), new Set(d.activities.map((a) => a.type)).size === 6);
  check(p('one primary contact'), d.contacts.filter((c) => c.is_primary).length === 1);
  check(p('every contact has its e-mail and phone in contact_details'),
    d.contact_details.every((x) => x.email && x.phone), d.contact_details.length);
  check(p('documents of all four types with https URLs'),
    new Set(d.documents.map((x) => x.type)).size === 4 && d.documents.every((x) => x.url.startsWith('https://')));
}

// Rules every row must satisfy; returns a list of violations.
function coherenceProblems(row) {
  const out = [];
  const d = Object.fromEntries(CONTRACT_COLUMNS.detail.map((c) => [c, parseDetail(row[c])]));
  const id = row.customer_id;
  for (const [c, v] of Object.entries(d)) if (!Array.isArray(v)) out.push(`${id}.${c} is not an array`);
  if (out.length) return out;

  // E-mails and phones travel only in contact_details, which the chart queries with sensitive data on; each detail
  // names a contact, in the contacts' order.
  if (d.contacts.some((x) => 'email' in x || 'phone' in x)) out.push(`${id} contacts carry e-mails or phones`);
  if (JSON.stringify(d.contact_details.map((x) => x.name)) !== JSON.stringify(d.contacts.map((x) => x.name))) {
    out.push(`${id} contact_details do not pair with contacts by name`);
  }
  if (row.total_invoices !== null && row.total_invoices !== d.invoices.length) out.push(`${id} total_invoices`);
  const productsListed = row.active_products ? row.active_products.split(', ').length : 0;
  if (row.product_count !== productsListed) out.push(`${id} product_count vs active_products`);
  if (d.product_usage.filter((x) => x.status === 'active').length !== row.product_count) out.push(`${id} product_usage`);
  if (row.total_interactions !== d.activities.length) out.push(`${id} total_interactions`);
  const newest = d.activities.length ? d.activities[0].activity_date : null;
  if (dateStr(row.last_interaction_date) !== (newest && dateStr(newest))) out.push(`${id} last_interaction_date`);
  for (let i = 1; i < d.activities.length; i += 1) {
    if (d.activities[i - 1].activity_date < d.activities[i].activity_date) { out.push(`${id} activities order`); break; }
  }
  for (const key of ['arr_history', 'usage_trend', 'health_history']) {
    const field = key === 'arr_history' ? 'month' : 'date';
    const xs = d[key].map((x) => x[field]);
    if (xs.some((x, i) => i > 0 && xs[i - 1] >= x)) out.push(`${id} ${key} not ascending`);
  }
  if (d.arr_history.length) {
    const last = d.arr_history[d.arr_history.length - 1];
    if (!near(last.arr, num(row.current_arr))) out.push(`${id} arr_history does not end at current_arr`);
    if (d.arr_history.length >= 2 && !near(d.arr_history[d.arr_history.length - 2].arr, num(row.prev_month_arr))) {
      out.push(`${id} prev_month_arr`);
    }
  }
  if (row.total_paid !== null && !near(sum(d.payments.map((x) => x.amount)), num(row.total_paid), 0.05)) {
    out.push(`${id} total_paid`);
  }
  if (row.avg_payment_delay !== null
    && !near(sum(d.payments.map((x) => x.days_late)) / d.payments.length, num(row.avg_payment_delay), 0.051)) {
    out.push(`${id} avg_payment_delay`);
  }
  for (const inv of d.invoices) {
    if ((inv.paid_date === null) === (inv.status === 'paid')) out.push(`${id} invoice ${inv.invoice_id} paid_date/status`);
  }
  if (d.health_breakdown.length) {
    const weighted = sum(d.health_breakdown.map((x) => x.score * x.weight)) / sum(d.health_breakdown.map((x) => x.weight));
    if (Math.abs(weighted - row.health_score) > 1) out.push(`${id} health_score ${row.health_score} vs breakdown ${weighted}`);
  }
  if (d.health_history.length && d.health_history[d.health_history.length - 1].score !== row.health_score) {
    out.push(`${id} health_history does not end at health_score`);
  }
  if (d.activities.length && dayOf(d.activities[d.activities.length - 1].activity_date) < dayOf(row.customer_since)) {
    out.push(`${id} activity before customer_since`);
  }
  return out;
}

function hostsOf(row) {
  const values = [];
  const visit = (v, key) => {
    if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object' && !(v instanceof Date)) Object.entries(v).forEach(([k, x]) => visit(x, k));
    else if (typeof v === 'string' && /email|url|website/.test(key)) values.push(v);
  };
  for (const [k, v] of Object.entries(row)) visit(CONTRACT_COLUMNS.detail.includes(k) ? parseDetail(v) : v, k);
  return values.map((v) => (v.includes('@') ? v.split('@')[1] : new URL(v).hostname));
}

async function main() {
  const todayStr = parseArgs();
  const T = toDayNumber(todayStr);
  console.log(`# reference date ${todayStr}`);
  checkGenerator(todayStr);

  let t0 = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
  const { db, datasetSql } = await createDemoDb({ today: todayStr });
  const loadMs = ms();

  t0 = process.hrtime.bigint();
  const one = await db.query(`SELECT * FROM (${datasetSql}) ds WHERE customer_id = 'ACME-001'`);
  const oneMs = ms();
  check('dataset returns exactly one Acme row', one.rows.length === 1);
  const acme = one.rows[0];
  const cols = one.fields.map((f) => f.name);
  const missing = ALL_COLUMNS.filter((c) => !cols.includes(c));
  const extra = cols.filter((c) => !ALL_COLUMNS.includes(c));
  check(`all ${ALL_COLUMNS.length} contract columns present`, missing.length === 0, missing);
  check('no columns beyond the contract', extra.length === 0, extra);
  checkAcme(acme, T);

  // Column types as the PGlite client hands them over.
  const seen = {};
  for (const [group, names] of Object.entries(CONTRACT_COLUMNS)) {
    seen[group] = [...new Set(names.map((n) => typeName(acme[n])))].join('|');
  }
  check('integer columns come back as JS integers', CONTRACT_COLUMNS.integer.every((c) => Number.isInteger(acme[c])));
  check('numeric columns parse as finite numbers', CONTRACT_COLUMNS.numeric.every((c) => Number.isFinite(num(acme[c]))));
  check('date columns are dates', CONTRACT_COLUMNS.date.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(dateStr(acme[c]) || '')));
  check('detail columns are JSON arrays (parsed or JSON.parse-able)',
    CONTRACT_COLUMNS.detail.every((c) => Array.isArray(parseDetail(acme[c]))));
  check('dates inside detail JSON are YYYY-MM-DD strings',
    /^\d{4}-\d{2}-\d{2}$/.test(parseDetail(acme.arr_history)[0].month)
    && /^\d{4}-\d{2}-\d{2}$/.test(parseDetail(acme.activities)[0].activity_date));

  // Whole dataset: warm-up once, then take the median of five runs.
  t0 = process.hrtime.bigint();
  const all = await db.query(datasetSql);
  const firstAllMs = ms();
  const runs = [];
  for (let i = 0; i < 5; i += 1) {
    t0 = process.hrtime.bigint();
    await db.query(datasetSql);
    runs.push(ms());
  }
  runs.sort((a, b) => a - b);
  const medianMs = runs[2];
  check('whole dataset runs well under 2 s', medianMs < 2000 && firstAllMs < 2000, `${medianMs.toFixed(0)} ms`);

  const rows = all.rows;
  check('at least 60 customers', rows.length >= 60, rows.length);
  check('customer_id is unique', new Set(rows.map((r) => r.customer_id)).size === rows.length);
  check('current_arr present on every row', rows.every((r) => r.current_arr !== null));
  check('all segments present', ['Enterprise', 'Mid-Market', 'SMB'].every((s) => rows.some((r) => r.segment === s)));
  check('all regions present',
    ['North America', 'EMEA', 'APAC', 'LATAM'].every((s) => rows.some((r) => r.region === s)));
  const tiers = {
    healthy: rows.filter((r) => r.health_score >= 70).length,
    atRisk: rows.filter((r) => r.health_score >= 50 && r.health_score < 70).length,
    critical: rows.filter((r) => r.health_score !== null && r.health_score < 50).length,
  };
  check('healthy, at-risk and critical customers all present', tiers.healthy >= 10 && tiers.atRisk >= 8
    && tiers.critical >= 5, tiers);
  check('at least five industries and twenty cities', new Set(rows.map((r) => r.industry)).size >= 5
    && new Set(rows.map((r) => r.city)).size >= 20);
  const problems = rows.flatMap(coherenceProblems);
  check('coherence rules hold on every row', problems.length === 0, problems.slice(0, 10));
  const sparse = rows.filter((r) => ALL_COLUMNS.filter((c) => r[c] === null).length >= 15
    && parseDetail(r.activities).length === 0 && parseDetail(r.contacts).length === 0);
  check('sparse customers exist (many NULLs, no activities, no contacts)', sparse.length >= 1,
    sparse.map((r) => r.customer_id));
  const dormant = rows.filter((r) => r.last_interaction_date !== null && T - dayOf(r.last_interaction_date) > 90);
  check('a customer whose last activity is over 90 days ago', dormant.length >= 1);
  check('other renewals within 30 days besides Acme', rows.filter((r) => r.customer_id !== ACME.id
    && r.renewal_date !== null && dayOf(r.renewal_date) - T <= 30 && dayOf(r.renewal_date) > T).length >= 2);
  const badHosts = [...new Set(rows.flatMap(hostsOf))].filter((h) => !/(^|\.)example\.(com|org)$/.test(h));
  check('emails and URLs use example.com / example.org only', badHosts.length === 0, badHosts);

  // Dates at month and year ends, and a leap day, must load and keep the facts.
  for (const edge of EDGE_DATES) {
    try {
      await db.exec(readSchemaSql());
      await db.exec(buildSeedSql({ today: edge }));
      const r = await db.query(`SELECT * FROM (${datasetSql}) ds`);
      const edgeAcme = r.rows.find((x) => x.customer_id === ACME.id);
      check(`[${edge}] loads with ${r.rows.length} customers`, r.rows.length === rows.length);
      check(`[${edge}] coherence rules hold`, r.rows.flatMap(coherenceProblems).length === 0,
        r.rows.flatMap(coherenceProblems).slice(0, 5));
      checkAcme(edgeAcme, toDayNumber(edge), `[${edge}] `);
    } catch (err) {
      check(`[${edge}] loads`, false, err.message);
    }
  }
  await db.close();

  console.log(`# PGlite types: ${JSON.stringify(seen)}`);
  console.log(`# timings: createDemoDb ${loadMs.toFixed(0)} ms, Acme row ${oneMs.toFixed(0)} ms, `
    + `whole dataset first run ${firstAllMs.toFixed(0)} ms, median of 5 ${medianMs.toFixed(0)} ms (${rows.length} rows)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exitCode = 1;
});
