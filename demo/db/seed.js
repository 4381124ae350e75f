'use strict';
/**
 * Deterministic sample data for the Customer Profile 360 demo database.
 *
 * buildSeedSql({ today }) returns INSERT statements for demo/db/schema.sql.
 * The output depends only on the reference date: every random choice comes
 * from a seeded PRNG (one stream per customer, keyed by its id, so editing one
 * customer does not reshuffle the others) and every date is computed relative
 * to `today`, so facts such as "Acme renews in 25 days" hold whenever the demo
 * runs. Nothing here reads the clock except the documented default argument.
 */

const SEED = 'customer-profile-360/v1';
const DAY_MS = 86400000;

// ---------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------

// FNV-1a: turns a string key into a 32-bit seed.
function hash32(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i += 1) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// mulberry32: tiny, fast and good enough for sample data.
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRng(key) {
  const next = mulberry32(hash32(`${SEED}:${key}`));
  const rng = {
    next,
    float: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    // Log-uniform: ARR and head counts spread over orders of magnitude.
    logUniform: (lo, hi) => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * next()),
    weighted(pairs) {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [value, w] of pairs) {
        x -= w;
        if (x < 0) return value;
      }
      return pairs[pairs.length - 1][0];
    },
    shuffle(arr) {
      const out = arr.slice();
      for (let i = out.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------
// Dates: whole UTC days since the epoch, so arithmetic never meets DST or
// local time zones.
// ---------------------------------------------------------------------------

function toDayNumber(today) {
  if (typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today)) {
    const [y, m, d] = today.split('-').map(Number);
    return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
  }
  const date = today instanceof Date ? today : new Date(today);
  if (Number.isNaN(date.getTime())) throw new TypeError(`Invalid reference date: ${today}`);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY_MS);
}

function ymd(dn) {
  const d = new Date(dn * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

function fromYmd(y, m, d) {
  return Math.floor(Date.UTC(y, m, d) / DAY_MS); // Date.UTC normalises month overflow
}

function fmt(dn) {
  return new Date(dn * DAY_MS).toISOString().slice(0, 10);
}

// Same day-of-month n months later, clamped to the month's last day.
function addMonths(dn, n) {
  const [y, m, d] = ymd(dn);
  const last = new Date(Date.UTC(y, m + n + 1, 0)).getUTCDate();
  return fromYmd(y, m + n, Math.min(d, last));
}

function monthStart(dn, offset = 0) {
  const [y, m] = ymd(dn);
  return fromYmd(y, m + offset, 1);
}

// ARR is snapshotted on the 1st, so an event shows from the first month
// start on or after its date.
function firstMonthOnOrAfter(dn) {
  return monthStart(dn) === dn ? dn : monthStart(dn, 1);
}

function isWeekend(dn) {
  const wd = new Date(dn * DAY_MS).getUTCDay();
  return wd === 0 || wd === 6;
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const round2 = (x) => Math.round(x * 100) / 100;
const round1 = (x) => Math.round(x * 10) / 10;
const roundTo = (x, step) => Math.round(x / step) * step;
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const pad = (n, w) => String(n).padStart(w, '0');

function slugify(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// Valid 10-digit INN (organisation): the 10th digit is a weighted checksum.
function innWithChecksum(nineDigits) {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = w.reduce((s, k, i) => s + k * Number(nineDigits[i]), 0);
  return nineDigits + String((sum % 11) % 10);
}

// ---------------------------------------------------------------------------
// SQL emission
// ---------------------------------------------------------------------------

function sqlValue(v) {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Non-finite number in seed: ${v}`);
    return String(v);
  }
  return `'${String(v).replace(/'/g, "''")}'`;
}

// Column lists mirror schema.sql. add() rejects unknown keys so a typo fails
// loudly instead of silently inserting NULL.
const TABLES = [
  ['users', ['user_id', 'name', 'email', 'phone', 'role', 'region']],
  ['products', ['product_id', 'product_name', 'category', 'sort_order', 'list_price']],
  ['customers', ['customer_id', 'customer_name', 'legal_name', 'inn', 'segment', 'industry', 'region', 'country',
    'state', 'city', 'address', 'phone', 'email', 'website', 'employee_count', 'created_date', 'csm_id']],
  ['contracts', ['contract_id', 'customer_id', 'start_date', 'end_date', 'renewal_date', 'term_months', 'status',
    'auto_renew', 'total_value']],
  ['subscriptions', ['subscription_id', 'customer_id', 'contract_id', 'product_id', 'status', 'start_date',
    'end_date', 'licenses', 'arr']],
  ['customer_revenue', ['customer_id', 'current_arr', 'prev_month_arr', 'arr_growth_mom', 'arr_growth_yoy',
    'first_payment_date', 'last_payment_date', 'ltv', 'total_paid', 'total_invoices', 'avg_payment_delay',
    'as_of_date']],
  ['arr_history', ['customer_id', 'month', 'arr']],
  ['invoices', ['invoice_id', 'customer_id', 'issued_date', 'due_date', 'paid_date', 'amount', 'currency', 'status']],
  ['payments', ['payment_id', 'invoice_id', 'customer_id', 'payment_date', 'amount', 'days_late', 'method']],
  ['product_usage', ['customer_id', 'product_id', 'active_users', 'feature_adoption', 'last_active_date']],
  ['usage_trend', ['customer_id', 'usage_date', 'active_users']],
  ['customer_health', ['customer_id', 'health_score', 'nps_score', 'csat_score', 'support_ticket_count_30d',
    'avg_resolution_time_hours', 'churn_risk_score', 'as_of_date']],
  ['health_breakdown', ['customer_id', 'component', 'score', 'weight']],
  ['health_history', ['customer_id', 'snapshot_date', 'score']],
  ['activities', ['activity_id', 'customer_id', 'activity_date', 'type', 'subject', 'owner_id', 'outcome']],
  ['contacts', ['contact_id', 'customer_id', 'name', 'title', 'email', 'phone', 'role', 'is_primary',
    'last_contacted']],
  ['documents', ['document_id', 'customer_id', 'title', 'type', 'url', 'created_date', 'status']],
];

class Rows {
  constructor() {
    this.columns = new Map(TABLES);
    this.rows = new Map(TABLES.map(([name]) => [name, []]));
  }

  add(table, row) {
    const cols = this.columns.get(table);
    if (!cols) throw new Error(`Unknown table ${table}`);
    for (const key of Object.keys(row)) {
      if (!cols.includes(key)) throw new Error(`Unknown column ${table}.${key}`);
    }
    this.rows.get(table).push(cols.map((c) => row[c]));
  }

  // Multi-row INSERTs in batches: few statements, small enough for any client.
  toSql(batchSize = 200) {
    const out = [];
    for (const [table, cols] of this.columns) {
      const rows = this.rows.get(table);
      for (let i = 0; i < rows.length; i += batchSize) {
        const values = rows.slice(i, i + batchSize).map((r) => `(${r.map(sqlValue).join(', ')})`);
        out.push(`INSERT INTO ${table} (${cols.join(', ')}) VALUES\n${values.join(',\n')};`);
      }
    }
    return out.join('\n');
  }
}

// ---------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------

const USERS = [
  { user_id: 'USR-001', name: 'John Smith', phone: '+1 415 555 0101', role: 'CSM', region: 'North America' },
  { user_id: 'USR-002', name: 'Maria Garcia', phone: '+52 55 5550 0102', role: 'CSM', region: 'LATAM' },
  { user_id: 'USR-003', name: 'Priya Patel', phone: '+65 5550 0103', role: 'CSM', region: 'APAC' },
  { user_id: 'USR-004', name: 'Lukas Weber', phone: '+49 30 5550 0104', role: 'CSM', region: 'EMEA' },
  { user_id: 'USR-005', name: 'Emily Chen', phone: '+1 212 555 0105', role: 'CSM', region: 'North America' },
  { user_id: 'USR-006', name: 'Olga Ivanova', phone: '+7 495 555 0106', role: 'CSM', region: 'EMEA' },
  { user_id: 'USR-007', name: 'David Kim', phone: '+61 2 5550 0107', role: 'CSM', region: 'APAC' },
  { user_id: 'USR-008', name: 'Sophie Martin', phone: '+33 1 5550 0108', role: 'CSM', region: 'EMEA' },
  { user_id: 'USR-101', name: 'Alex Turner', phone: '+1 415 555 0111', role: 'Account Executive', region: null },
  { user_id: 'USR-102', name: 'Nina Rossi', phone: '+1 415 555 0112', role: 'Support Engineer', region: null },
  { user_id: 'USR-103', name: 'Tom Becker', phone: '+49 30 5550 0113', role: 'Support Engineer', region: null },
  { user_id: 'USR-104', name: 'Grace Liu', phone: '+65 5550 0114', role: 'Solutions Engineer', region: null },
].map((u) => ({ ...u, email: `${slugify(u.name).replace(/-/g, '.')}@example.com` }));

const USER_NAME = new Map(USERS.map((u) => [u.user_id, u.name]));
const CSMS_BY_REGION = {
  'North America': ['USR-001', 'USR-005'],
  EMEA: ['USR-004', 'USR-008'],
  APAC: ['USR-003', 'USR-007'],
  LATAM: ['USR-002'],
};
const SUPPORT = ['USR-102', 'USR-103'];
const AE = 'USR-101';
const SE = 'USR-104';

// weight: share of a customer's ARR a product typically carries.
const PRODUCTS = [
  { product_id: 'PRD-CRM', product_name: 'CRM', category: 'Sales', sort_order: 1, list_price: 600, weight: 1.0 },
  { product_id: 'PRD-BI', product_name: 'BI', category: 'Analytics', sort_order: 2, list_price: 540, weight: 0.6 },
  { product_id: 'PRD-API', product_name: 'API', category: 'Platform', sort_order: 3, list_price: 700, weight: 0.35 },
  { product_id: 'PRD-MKT', product_name: 'Marketing Hub', category: 'Marketing', sort_order: 4, list_price: 480, weight: 0.5 },
  { product_id: 'PRD-SVC', product_name: 'Service Desk', category: 'Support', sort_order: 5, list_price: 420, weight: 0.45 },
  { product_id: 'PRD-DAT', product_name: 'Data Pipeline', category: 'Platform', sort_order: 6, list_price: 900, weight: 0.4 },
  { product_id: 'PRD-MOB', product_name: 'Mobile SDK', category: 'Platform', sort_order: 7, list_price: 350, weight: 0.25 },
  { product_id: 'PRD-AI', product_name: 'AI Assistant', category: 'AI', sort_order: 8, list_price: 300, weight: 0.3 },
];
const PRODUCT_BY_NAME = new Map(PRODUCTS.map((p) => [p.product_name, p]));

// Health score = round(sum(score * weight)) over these components.
const HEALTH_WEIGHTS = [
  ['Product usage', 0.3],
  ['Support', 0.2],
  ['Engagement', 0.2],
  ['Financial', 0.15],
  ['Sentiment', 0.15],
];

// Phone: '+1 … 555 01xx' and UK '20 7946 0xxx' are reserved fictional ranges.
const COUNTRIES = {
  'United States': { cc: '+1', suffix: 'Inc.' },
  Canada: { cc: '+1', suffix: 'Ltd.' },
  'Puerto Rico': { cc: '+1', suffix: 'LLC' },
  'United Kingdom': { cc: '+44', suffix: 'Ltd' },
  Germany: { cc: '+49', suffix: 'GmbH' },
  France: { cc: '+33', suffix: 'SAS' },
  Netherlands: { cc: '+31', suffix: 'B.V.' },
  Norway: { cc: '+47', suffix: 'AS' },
  Estonia: { cc: '+372', suffix: 'OÜ' },
  'United Arab Emirates': { cc: '+971', suffix: 'LLC' },
  Switzerland: { cc: '+41', suffix: 'AG' },
  Spain: { cc: '+34', suffix: 'S.L.' },
  Russia: { cc: '+7', suffix: 'LLC' },
  Italy: { cc: '+39', suffix: 'S.r.l.' },
  Poland: { cc: '+48', suffix: 'Sp. z o.o.' },
  'South Africa': { cc: '+27', suffix: '(Pty) Ltd' },
  Ireland: { cc: '+353', suffix: 'Ltd' },
  Greece: { cc: '+30', suffix: 'S.A.' },
  Japan: { cc: '+81', suffix: 'K.K.' },
  Australia: { cc: '+61', suffix: 'Pty Ltd' },
  Singapore: { cc: '+65', suffix: 'Pte. Ltd.' },
  India: { cc: '+91', suffix: 'Pvt. Ltd.' },
  China: { cc: '+86', suffix: 'Co., Ltd.' },
  'New Zealand': { cc: '+64', suffix: 'Limited' },
  'South Korea': { cc: '+82', suffix: 'Co., Ltd.' },
  Vietnam: { cc: '+84', suffix: 'JSC' },
  'Hong Kong': { cc: '+852', suffix: 'Limited' },
  Indonesia: { cc: '+62', prefix: 'PT' },
  Chile: { cc: '+56', suffix: 'SpA' },
  Brazil: { cc: '+55', suffix: 'Ltda.' },
  Argentina: { cc: '+54', suffix: 'S.A.' },
  Mexico: { cc: '+52', suffix: 'S.A. de C.V.' },
  Peru: { cc: '+51', suffix: 'S.A.C.' },
  Colombia: { cc: '+57', suffix: 'S.A.S.' },
  Uruguay: { cc: '+598', suffix: 'S.A.' },
};

// Russian federal subject codes open the INN; foreign organisations
// registered with the Russian tax service get the 9909 prefix.
const INN_REGION = { Moscow: '77', 'Saint Petersburg': '78', Kazan: '16' };

const NA = 'North America';
// [name, segment, industry, region, country, state, city, tier, options]
// Tiers follow the plugin's default thresholds: critical < 50 <= at-risk < 70 <= healthy.
const CUSTOMER_SPECS = [
  ['Globex Industries', 'Enterprise', 'Manufacturing', NA, 'United States', 'Illinois', 'Chicago', 'healthy'],
  ['Initech Software', 'Mid-Market', 'Technology', NA, 'United States', 'Texas', 'Austin', 'at-risk'],
  ['Northwind Traders', 'Mid-Market', 'Retail', NA, 'United States', 'Washington', 'Seattle', 'healthy'],
  ['Contoso Health', 'Enterprise', 'Healthcare', NA, 'United States', 'Massachusetts', 'Boston', 'healthy', { renewIn: 12 }],
  ['Bluefin Capital', 'Enterprise', 'Financial Services', NA, 'United States', 'New York', 'New York', 'at-risk', { renewIn: 48 }],
  ['Cedar Ridge Credit Union', 'SMB', 'Financial Services', NA, 'United States', 'Colorado', 'Denver', 'healthy'],
  ['Summit Outdoor Supply', 'SMB', 'Retail', NA, 'United States', 'Utah', 'Salt Lake City', 'critical'],
  ['Pinecrest Logistics', 'Mid-Market', 'Logistics', NA, 'United States', 'Georgia', 'Atlanta', 'healthy'],
  ['Lakeshore University', 'Mid-Market', 'Education', NA, 'United States', 'Wisconsin', 'Madison', 'healthy'],
  ['Redwood Analytics', 'SMB', 'Technology', NA, 'United States', 'California', 'Oakland', 'at-risk'],
  ['Harborview Hospital Network', 'Enterprise', 'Healthcare', NA, 'Canada', 'Ontario', 'Toronto', 'healthy'],
  ['Maple Leaf Telecom', 'Enterprise', 'Telecommunications', NA, 'Canada', 'Quebec', 'Montreal', 'critical', { renewIn: 19 }],
  ['Ironclad Manufacturing', 'Mid-Market', 'Manufacturing', NA, 'United States', 'Michigan', 'Detroit', 'at-risk'],
  ['Sunbelt Energy', 'Enterprise', 'Energy', NA, 'United States', 'Texas', 'Houston', 'healthy'],
  ['Brightpath Learning', 'SMB', 'Education', NA, 'United States', 'Oregon', 'Portland', 'healthy'],
  ['Copperline Media', 'SMB', 'Media', NA, 'United States', 'California', 'Los Angeles', 'at-risk'],
  // Went quiet: last touch more than 90 days ago, usage stopped.
  ['Keystone Freight', 'SMB', 'Logistics', NA, 'United States', 'Pennsylvania', 'Pittsburgh', 'critical', { profile: 'dormant' }],
  ['Silverline Insurance', 'Mid-Market', 'Financial Services', NA, 'United States', 'North Carolina', 'Charlotte', 'healthy'],
  ['Tidewater Foods', 'Mid-Market', 'Retail', NA, 'United States', 'Virginia', 'Norfolk', 'healthy'],
  ['Quantum Leap Robotics', 'Mid-Market', 'Technology', NA, 'United States', 'California', 'San Jose', 'healthy', { renewIn: 27 }],
  // Imported from a legacy CRM: most fields were never mapped.
  ['Blue Sky Ventures', 'SMB', 'Retail', NA, 'United States', null, null, 'at-risk', { profile: 'sparse-legacy' }],
  ['Nordlicht Energie', 'Enterprise', 'Energy', 'EMEA', 'Germany', 'Hamburg', 'Hamburg', 'healthy'],
  ['Bavaria Maschinenbau', 'Enterprise', 'Manufacturing', 'EMEA', 'Germany', 'Bavaria', 'Munich', 'at-risk', { suffix: 'AG' }],
  ['Thames Valley Bank', 'Enterprise', 'Financial Services', 'EMEA', 'United Kingdom', 'England', 'London', 'healthy'],
  ['Brightwater Retail', 'Mid-Market', 'Retail', 'EMEA', 'United Kingdom', 'England', 'Manchester', 'critical'],
  ['Lumière Médias', 'Mid-Market', 'Media', 'EMEA', 'France', 'Île-de-France', 'Paris', 'healthy'],
  ['Rhône Logistique', 'SMB', 'Logistics', 'EMEA', 'France', 'Auvergne-Rhône-Alpes', 'Lyon', 'at-risk'],
  ['Tulip Fintech', 'SMB', 'Financial Services', 'EMEA', 'Netherlands', 'North Holland', 'Amsterdam', 'healthy'],
  ['Fjord Telecom', 'Enterprise', 'Telecommunications', 'EMEA', 'Norway', 'Oslo', 'Oslo', 'healthy'],
  ['Baltic Software', 'SMB', 'Technology', 'EMEA', 'Estonia', 'Harju', 'Tallinn', 'healthy'],
  ['Sahara Solar', 'Mid-Market', 'Energy', 'EMEA', 'United Arab Emirates', 'Dubai', 'Dubai', 'at-risk'],
  ['Alpine Health', 'Mid-Market', 'Healthcare', 'EMEA', 'Switzerland', 'Zurich', 'Zurich', 'healthy'],
  ['Iberia Hoteles', 'Mid-Market', 'Hospitality', 'EMEA', 'Spain', 'Madrid', 'Madrid', 'critical'],
  ['Volga Industrial Group', 'Enterprise', 'Manufacturing', 'EMEA', 'Russia', 'Moscow', 'Moscow', 'healthy', { suffix: 'JSC' }],
  ['Neva Retail', 'Mid-Market', 'Retail', 'EMEA', 'Russia', 'Saint Petersburg', 'Saint Petersburg', 'at-risk'],
  ['Kalinka Software', 'SMB', 'Technology', 'EMEA', 'Russia', 'Tatarstan', 'Kazan', 'healthy'],
  ['Milano Design Studio', 'SMB', 'Media', 'EMEA', 'Italy', 'Lombardy', 'Milan', 'healthy'],
  ['Vistula Pharma', 'Mid-Market', 'Healthcare', 'EMEA', 'Poland', 'Masovia', 'Warsaw', 'at-risk'],
  ['Cape Point Mining', 'Enterprise', 'Energy', 'EMEA', 'South Africa', 'Western Cape', 'Cape Town', 'critical'],
  ['Kestrel Aviation Services', 'Mid-Market', 'Logistics', 'EMEA', 'Ireland', 'Leinster', 'Dublin', 'healthy'],
  ['Aegean Learning', 'SMB', 'Education', 'EMEA', 'Greece', 'Attica', 'Athens', 'at-risk'],
  ['Sakura Electronics', 'Enterprise', 'Manufacturing', 'APAC', 'Japan', 'Tokyo', 'Tokyo', 'healthy'],
  ['Harbour Bridge Finance', 'Mid-Market', 'Financial Services', 'APAC', 'Australia', 'New South Wales', 'Sydney', 'healthy'],
  ['Lion City Logistics', 'Mid-Market', 'Logistics', 'APAC', 'Singapore', null, 'Singapore', 'at-risk'],
  ['Bengal Tech Services', 'Enterprise', 'Technology', 'APAC', 'India', 'Karnataka', 'Bengaluru', 'healthy'],
  ['Jade Dragon Retail', 'Enterprise', 'Retail', 'APAC', 'China', 'Shanghai', 'Shanghai', 'critical'],
  ['Kiwi Agritech', 'SMB', 'Technology', 'APAC', 'New Zealand', 'Auckland', 'Auckland', 'healthy'],
  ['Han River Games', 'Mid-Market', 'Media', 'APAC', 'South Korea', 'Seoul', 'Seoul', 'healthy'],
  ['Mekong Textiles', 'SMB', 'Manufacturing', 'APAC', 'Vietnam', null, 'Ho Chi Minh City', 'at-risk'],
  ['Coral Coast Resorts', 'SMB', 'Hospitality', 'APAC', 'Australia', 'Queensland', 'Brisbane', 'healthy'],
  ['Batik Digital', 'SMB', 'Technology', 'APAC', 'Indonesia', 'Jakarta', 'Jakarta', 'critical'],
  ['Pearl Telecom', 'Enterprise', 'Telecommunications', 'APAC', 'Hong Kong', null, 'Hong Kong', 'healthy'],
  ['Ganges Health Network', 'Mid-Market', 'Healthcare', 'APAC', 'India', 'Maharashtra', 'Mumbai', 'at-risk'],
  // Signed a few weeks ago; onboarding has not filled anything in yet.
  ['Nimbus Labs', 'SMB', null, 'APAC', null, null, null, 'healthy', { profile: 'sparse-new' }],
  ['Andes Mining Corp', 'Enterprise', 'Energy', 'LATAM', 'Chile', 'Santiago Metropolitan', 'Santiago', 'at-risk'],
  ['Amazonia Foods', 'Enterprise', 'Retail', 'LATAM', 'Brazil', 'São Paulo', 'São Paulo', 'healthy'],
  ['Pampas Agro', 'Mid-Market', 'Manufacturing', 'LATAM', 'Argentina', 'Buenos Aires', 'Buenos Aires', 'healthy'],
  ['Azteca Telecom', 'Enterprise', 'Telecommunications', 'LATAM', 'Mexico', 'Mexico City', 'Mexico City', 'critical', { renewIn: 41 }],
  ['Caribe Hospitality Group', 'Mid-Market', 'Hospitality', 'LATAM', 'Puerto Rico', null, 'San Juan', 'healthy'],
  ['Inca Fintech', 'SMB', 'Financial Services', 'LATAM', 'Peru', 'Lima', 'Lima', 'healthy'],
  ['Bogotá Health Partners', 'SMB', 'Healthcare', 'LATAM', 'Colombia', 'Bogotá', 'Bogotá', 'at-risk'],
  ['Rio Digital Media', 'SMB', 'Media', 'LATAM', 'Brazil', 'Rio de Janeiro', 'Rio de Janeiro', 'healthy'],
  ['Monterrey Steel Works', 'Mid-Market', 'Manufacturing', 'LATAM', 'Mexico', 'Nuevo León', 'Monterrey', 'critical'],
  ['Tierra del Sur Outfitters', 'SMB', 'Retail', 'LATAM', 'Uruguay', 'Montevideo', 'Montevideo', 'healthy'],
].map(([name, segment, industry, region, country, state, city, tier, opts = {}]) => ({
  name, segment, industry, region, country, state, city, tier, ...opts,
}));

const STREETS = ['Market Street', 'Harbor Road', 'Innovation Way', 'Commerce Avenue', 'Park Lane', 'Station Road',
  'Riverside Drive', 'Industrial Parkway', 'Central Boulevard', 'Hillside Avenue'];

const PEOPLE = {
  [NA]: {
    first: ['James', 'Linda', 'Robert', 'Jennifer', 'Michael', 'Karen', 'Daniel', 'Jessica', 'Chris', 'Ashley', 'Brian', 'Megan'],
    last: ['Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Clark', 'Lewis'],
  },
  EMEA: {
    first: ['Anna', 'Thomas', 'Julia', 'Stefan', 'Claire', 'Pierre', 'Elena', 'Marco', 'Ingrid', 'Jan', 'Sofia', 'Henrik'],
    last: ['Müller', 'Schmidt', 'Dubois', 'Rossi', 'Novak', 'Hansen', 'Kowalski', 'Jansen', 'Fischer', 'Moreau', 'Bianchi', 'Walsh'],
  },
  APAC: {
    first: ['Hiroshi', 'Mei', 'Arjun', 'Ananya', 'Wei', 'Ji-woo', 'Siti', 'Minh', 'Liam', 'Chloe', 'Kenji', 'Ravi'],
    last: ['Tanaka', 'Wong', 'Sharma', 'Lim', 'Nguyen', 'Park', 'Singh', 'Chen', 'Sato', 'Tan', 'Kumar', 'Lee'],
  },
  LATAM: {
    first: ['Carlos', 'Ana', 'Luis', 'Camila', 'Diego', 'Valentina', 'Jorge', 'Isabela', 'Mateo', 'Lucía'],
    last: ['Silva', 'Rodríguez', 'Hernández', 'Pereira', 'Gómez', 'Santos', 'Fernández', 'López', 'Costa', 'Torres'],
  },
};
// Russian surnames are gendered, so Russian contacts come as full names.
const RUSSIAN_NAMES = ['Ivan Petrov', 'Anna Sokolova', 'Sergey Volkov', 'Maria Lebedeva', 'Alexey Kozlov',
  'Ekaterina Novikova', 'Dmitry Morozov', 'Olga Pavlova'];

// Contact slots in order of importance; the Champion is the primary contact.
const CONTACT_SLOTS = [
  { title: 'Director of IT', role: 'Champion' },
  { title: 'VP of Operations', role: 'Executive Sponsor' },
  { title: 'Procurement Manager', role: 'Procurement' },
  { title: 'Finance Manager', role: 'Billing' },
  { title: 'Systems Administrator', role: 'Admin' },
  { title: 'Business Analyst', role: 'Power User' },
];

const SUBJECTS = {
  meeting: ['Quarterly business review', 'Onboarding kickoff', 'Executive sponsor sync', 'Roadmap preview',
    'Renewal planning meeting', 'Training session: {product}', 'Success plan review', '{product} workshop'],
  call: ['Check-in call', 'Renewal discussion', 'Usage review call', 'Pricing follow-up', 'Intro call with new admin',
    '{product} adoption call'],
  email: ['Sent QBR deck', 'Follow-up on open tickets', 'Shared {product} release notes', 'Renewal quote sent',
    'Invitation to customer webinar', 'Requested NPS feedback', 'Shared {product} best practices'],
  ticket: ['SSO login failures', '{product}: dashboard loading slowly', 'API rate limit errors', 'Data export failing',
    'Permission issue for new users', 'Webhook delivery delays', '{product}: report scheduling bug',
    'Sync error with ERP', '{product}: licence assignment question'],
  note: ['Budget review next quarter', 'Expansion opportunity noted', 'Competitor evaluation rumored',
    'Positive feedback from end users', 'New admin appointed', 'Reorg announced in IT'],
  other: ['Webinar attendance', 'Community forum post', 'Conference booth visit', 'Survey response received'],
};

const OUTCOMES = {
  meeting: [['Completed', 6], ['Action items agreed', 3], ['Rescheduled', 1]],
  call: [['Connected', 6], ['Follow-up scheduled', 3], ['Left voicemail', 2]],
  email: [['Sent', 5], ['Replied', 4], ['No response', 2]],
  ticket: [['Resolved', 8], ['Closed - no action', 1], ['Escalated', 1]],
  note: [[null, 1]],
  other: [['Attended', 2], ['Logged', 1]],
};

// ---------------------------------------------------------------------------
// Acme: the customer the design mock-up shows. Tests assert these facts.
// ---------------------------------------------------------------------------

const ACME = Object.freeze({
  id: 'ACME-001',
  name: 'Acme Corporation',
  legalName: 'Acme Corporation LLC',
  inn: '7707083893',
  segment: 'Enterprise',
  industry: 'Technology',
  region: 'North America',
  state: 'California',
  city: 'San Francisco',
  employeeCount: 500,
  customerSince: '2020-01-15',
  csm: Object.freeze({ id: 'USR-001', name: 'John Smith', email: 'john.smith@example.com' }),
  arr: 250000,
  prevMonthArr: 245000,
  arrGrowthYoy: 15,
  ltv: 1200000,
  totalInvoices: 48,
  avgPaymentDelay: 4,
  health: 45,
  healthTier: 'critical',
  lowestHealthComponent: 'Support',
  renewalDays: 25,
  contractTermMonths: 12,
  products: Object.freeze(['CRM', 'BI', 'API']),
  counts: Object.freeze({
    arrHistory: 36, invoices: 48, payments: 47, productUsage: 3, usageTrend: 90, healthBreakdown: 5,
    healthHistory: 12, activities: 120, contacts: 6, documents: 8,
  }),
});

// ---------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------

function createContext(T) {
  const counters = {};
  return {
    T,
    rows: new Rows(),
    next(kind, width = 6) {
      counters[kind] = (counters[kind] || 0) + 1;
      return `${kind}-${pad(counters[kind], width)}`;
    },
  };
}

function customerId(name, num) {
  const letters = slugify(name).replace(/-/g, '').toUpperCase().slice(0, 4);
  return `${letters}-${pad(num, 3)}`;
}

function pickPhone(r, country) {
  const info = COUNTRIES[country];
  if (info.cc === '+1') return `+1 ${r.int(201, 989)} 555 01${pad(r.int(0, 99), 2)}`;
  if (info.cc === '+44') return `+44 20 7946 0${pad(r.int(0, 999), 3)}`;
  return `${info.cc} ${r.int(10, 99)} 5550 ${pad(r.int(0, 9999), 4)}`;
}

function legalName(spec) {
  const info = COUNTRIES[spec.country] || {};
  if (info.prefix) return `${info.prefix} ${spec.name}`;
  return `${spec.name} ${spec.suffix || info.suffix}`;
}

function innFor(r, spec) {
  const regionCode = spec.country === 'Russia' ? INN_REGION[spec.city] || '77' : null;
  const head = regionCode ? `${regionCode}${pad(r.int(0, 9999999), 7)}` : `9909${pad(r.int(0, 99999), 5)}`;
  return innWithChecksum(head);
}

function personNames(r, region, country, n) {
  if (country === 'Russia') return r.shuffle(RUSSIAN_NAMES).slice(0, n);
  const pool = PEOPLE[region];
  const first = r.shuffle(pool.first);
  const last = r.shuffle(pool.last);
  return Array.from({ length: n }, (_, i) => `${first[i]} ${last[i]}`);
}

function contactEmail(name, domain) {
  return `${slugify(name).replace(/-/g, '.')}@${domain}`;
}

function docUrl(customerIdValue, title) {
  return `https://docs.example.com/customers/${customerIdValue}/${slugify(title)}.pdf`;
}

// Puts the health score in the tier the spec asks for, then derives the
// score from its breakdown so the two always agree.
function buildHealth(r, tier, { tickets30, avgResolution, avgDelay, overdue, nps, dormant }) {
  const target = { healthy: r.int(72, 93), 'at-risk': r.int(53, 67), critical: r.int(24, 45) }[tier];
  const s = {
    Support: clamp(Math.round(100 - tickets30 * 5 - avgResolution * 0.6 + r.int(-5, 5)), 5, 100),
    Financial: clamp(Math.round(98 - avgDelay * 2 - overdue * 12), 10, 100),
    Sentiment: clamp(Math.round((nps + 100) / 2 + r.int(-5, 5)), 5, 100),
    'Product usage': clamp(target + r.int(-10, 10), 5, 100),
    Engagement: dormant ? r.int(5, 15) : clamp(target + r.int(-10, 10), 5, 100),
  };
  const score = () => Math.round(HEALTH_WEIGHTS.reduce((sum, [c, w]) => sum + s[c] * w, 0));
  // Usage (and engagement, unless dormant) absorb the gap to the target.
  for (let i = 0; i < 4 && score() !== target; i += 1) {
    const gap = target - score();
    const movable = dormant ? 0.3 : 0.5;
    const d = gap / movable;
    s['Product usage'] = clamp(Math.round(s['Product usage'] + d), 3, 100);
    if (!dormant) s.Engagement = clamp(Math.round(s.Engagement + d), 3, 100);
  }
  return { components: s, score: score() };
}

function addHealthRows(ctx, id, components, score, start, drift, r) {
  const { T, rows } = ctx;
  for (const [component, weight] of HEALTH_WEIGHTS) {
    rows.add('health_breakdown', { customer_id: id, component, score: components[component], weight });
  }
  // Monthly snapshots, ending with this month's (the current score).
  const from = score + drift;
  for (let i = 0; i < 12; i += 1) {
    const date = monthStart(T, i - 11);
    if (date < monthStart(start)) continue;
    const v = i === 11 ? score : Math.round(from + (score - from) * (i / 11) + r.int(-3, 3));
    rows.add('health_history', { customer_id: id, snapshot_date: fmt(date), score: clamp(v, 0, 100) });
  }
}

function addInvoiceWithPayment(ctx, id, inv, payDate, method) {
  const { T, rows } = ctx;
  const invoiceId = ctx.next('INV');
  let status;
  let paid = null;
  if (inv.void) status = 'void';
  else if (payDate !== null && payDate <= T) {
    status = 'paid';
    paid = Math.max(payDate, inv.issued);
  } else status = inv.due < T ? 'overdue' : 'open';
  rows.add('invoices', {
    invoice_id: invoiceId, customer_id: id, issued_date: fmt(inv.issued), due_date: fmt(inv.due),
    paid_date: paid === null ? null : fmt(paid), amount: inv.amount, currency: 'USD', status,
  });
  let payment = null;
  if (status === 'paid') {
    payment = { date: paid, amount: inv.amount, daysLate: Math.max(0, paid - inv.due) };
    rows.add('payments', {
      payment_id: ctx.next('PAY'), invoice_id: invoiceId, customer_id: id, payment_date: fmt(paid),
      amount: inv.amount, days_late: payment.daysLate, method,
    });
  }
  return { invoiceId, status, issued: inv.issued, payment };
}

function summarisePayments(invoices) {
  const payments = invoices.map((i) => i.payment).filter(Boolean);
  const totalPaid = round2(payments.reduce((s, p) => s + p.amount, 0));
  return {
    totalPaid,
    count: payments.length,
    first: payments.length ? Math.min(...payments.map((p) => p.date)) : null,
    last: payments.length ? Math.max(...payments.map((p) => p.date)) : null,
    avgDelay: payments.length ? round1(payments.reduce((s, p) => s + p.daysLate, 0) / payments.length) : null,
    overdue: invoices.filter((i) => i.status === 'overdue').length,
  };
}

function addRevenueRow(ctx, id, history, invoices, ltv) {
  const cur = history[history.length - 1].arr;
  const prev = history.length >= 2 ? history[history.length - 2].arr : null;
  const yearAgo = history.length >= 13 ? history[history.length - 13].arr : null;
  const pay = summarisePayments(invoices);
  ctx.rows.add('customer_revenue', {
    customer_id: id,
    current_arr: cur,
    prev_month_arr: prev,
    arr_growth_mom: prev ? round2((cur / prev - 1) * 100) : null,
    arr_growth_yoy: yearAgo ? round2((cur / yearAgo - 1) * 100) : null,
    first_payment_date: pay.first === null ? null : fmt(pay.first),
    last_payment_date: pay.last === null ? null : fmt(pay.last),
    ltv,
    total_paid: pay.totalPaid,
    total_invoices: invoices.length,
    avg_payment_delay: pay.avgDelay,
    as_of_date: fmt(ctx.T),
  });
}

// Activities are added oldest first so ids grow with time, like a real CRM.
function addActivities(ctx, id, list) {
  list.sort((a, b) => a.date - b.date);
  for (const a of list) {
    ctx.rows.add('activities', {
      activity_id: ctx.next('ACT'), customer_id: id, activity_date: fmt(a.date), type: a.type, subject: a.subject,
      owner_id: a.owner, outcome: a.outcome,
    });
  }
}

function fillSubject(r, type, productNames) {
  return r.pick(SUBJECTS[type]).replace('{product}', r.pick(productNames));
}

function buildAcme(ctx) {
  const { T, rows } = ctx;
  const id = ACME.id;
  const r = makeRng(id);
  const renewal = T + ACME.renewalDays;
  const since = toDayNumber(ACME.customerSince);
  const domain = 'acme.example.org';

  rows.add('customers', {
    customer_id: id, customer_name: ACME.name, legal_name: ACME.legalName, inn: ACME.inn, segment: ACME.segment,
    industry: ACME.industry, region: ACME.region, country: 'United States', state: ACME.state, city: ACME.city,
    address: '100 Market Street, Suite 500, San Francisco, California 94105, United States',
    phone: '+1 415 555 0100', email: `info@${domain}`, website: `https://${domain}`,
    employee_count: ACME.employeeCount, created_date: ACME.customerSince, csm_id: ACME.csm.id,
  });

  // Annual contracts renewing on the same anniversary (co-termed in 2023).
  const contractId = ctx.next('CTR');
  rows.add('contracts', {
    contract_id: contractId, customer_id: id, start_date: fmt(addMonths(renewal, -12)), end_date: fmt(renewal - 1),
    renewal_date: fmt(renewal), term_months: 12, status: 'active', auto_renew: false, total_value: 250000,
  });
  rows.add('contracts', {
    contract_id: ctx.next('CTR'), customer_id: id, start_date: fmt(addMonths(renewal, -24)),
    end_date: fmt(addMonths(renewal, -12) - 1), renewal_date: fmt(addMonths(renewal, -12)), term_months: 12,
    status: 'expired', auto_renew: false, total_value: 205000,
  });

  // Three active products whose ARR adds up to current ARR. API was added
  // four months ago, which is the last big step in the ARR history.
  const apiStart = monthStart(T, -4);
  const subs = [
    { p: 'CRM', start: since, licenses: 300, arr: 150000, users: 182, adoption: 58, last: T - 1 },
    { p: 'BI', start: toDayNumber('2021-06-01'), licenses: 120, arr: 65000, users: 64, adoption: 41, last: T - 1 },
    { p: 'API', start: apiStart, licenses: 50, arr: 35000, users: 19, adoption: 35, last: T - 2 },
  ];
  for (const s of subs) {
    const product = PRODUCT_BY_NAME.get(s.p);
    rows.add('subscriptions', {
      subscription_id: ctx.next('SUB'), customer_id: id, contract_id: contractId, product_id: product.product_id,
      status: 'active', start_date: fmt(s.start), end_date: fmt(renewal - 1), licenses: s.licenses, arr: s.arr,
    });
    rows.add('product_usage', {
      customer_id: id, product_id: product.product_id, active_users: s.users, feature_adoption: s.adoption,
      last_active_date: fmt(s.last),
    });
  }

  // ARR by month offset from the current month. The value 12 months ago is
  // 250000 / 1.15 so that YoY growth is exactly 15 %.
  const renewalPrev = addMonths(renewal, -12);
  const renewalPrev2 = addMonths(renewal, -24);
  const offsetOf = (dn) => {
    const [y1, m1] = ymd(firstMonthOnOrAfter(dn));
    const [y0, m0] = ymd(T);
    return (y1 - y0) * 12 + (m1 - m0);
  };
  // The last renewal lands in month -11 or -10, so month -12 always holds the
  // pre-renewal value.
  const arrAt = (k) => {
    if (k === 0) return 250000; // BI seat expansion this month
    if (k >= -4) return 245000; // API add-on
    if (k >= offsetOf(renewalPrev)) return 230000; // last renewal, price uplift
    if (k >= -14) return 217391.3; // prorated CRM seat add-on
    if (k >= offsetOf(renewalPrev2)) return 205000; // renewal two years ago
    return 185000;
  };
  const history = [];
  for (let k = -35; k <= 0; k += 1) {
    const arr = arrAt(k);
    history.push({ arr });
    rows.add('arr_history', { customer_id: id, month: fmt(monthStart(T, k)), arr });
  }

  // 48 monthly invoices (net 30). The current one is still open; the rest
  // are paid, twelve of them late, averaging 4 days late overall.
  const late = { '-45': 12, '-41': 14, '-37': 21, '-33': 9, '-29': 15, '-26': 32, '-22': 18, '-18': 11, '-15': 25,
    '-12': 7, '-9': 16, '-6': 8 };
  const invoices = [];
  for (let k = -47; k <= 0; k += 1) {
    const issued = monthStart(T, k);
    const due = issued + 30;
    const amount = round2(arrAt(k) / 12);
    let payDate = null;
    if (k < 0) {
      payDate = late[k] ? due + late[k] : due - r.int(0, 6);
      // The previous month's invoice may not be due yet: paid early, never in the future.
      payDate = Math.max(issued + 1, Math.min(payDate, T - 1));
    }
    invoices.push(addInvoiceWithPayment(ctx, id, { issued, due, amount }, payDate, 'wire'));
  }
  addRevenueRow(ctx, id, history, invoices, ACME.ltv);

  // 90 complete days of daily active users, drifting down (part of why
  // health is critical); weekends are quiet.
  for (let i = 0; i < 90; i += 1) {
    const d = T - 90 + i;
    const base = 205 - (55 * i) / 89;
    const v = base * (isWeekend(d) ? 0.28 : 1) * (1 + r.float(-0.04, 0.04));
    rows.add('usage_trend', { customer_id: id, usage_date: fmt(d), active_users: Math.round(v) });
  }

  // ~120 activities over two years. Nine tickets in the last 30 days drive
  // support_ticket_count_30d and the weak Support component.
  const acts = [
    { date: T - 2, type: 'call', subject: 'Escalation call: BI dashboard performance', owner: 'USR-001', outcome: 'Follow-up scheduled' },
    { date: T - 4, type: 'email', subject: 'Renewal quote sent', owner: 'USR-001', outcome: 'No response' },
    { date: T - 9, type: 'note', subject: 'Champion (VP Operations) left the company', owner: 'USR-001', outcome: null },
    { date: T - 16, type: 'meeting', subject: 'Renewal planning meeting', owner: 'USR-001', outcome: 'Action items agreed' },
    { date: T - 40, type: 'meeting', subject: 'Quarterly business review', owner: 'USR-001', outcome: 'Completed' },
  ];
  const recentTickets = [
    [3, 'BI: dashboards time out for EU users', 'Escalated'],
    [5, 'API rate limit errors', 'In progress'],
    [8, 'SSO login failures', 'Resolved'],
    [11, 'BI: report scheduling bug', 'Resolved'],
    [14, 'Data export failing', 'Escalated'],
    [17, 'CRM: duplicate contacts after import', 'Resolved'],
    [21, 'Webhook delivery delays', 'Resolved'],
    [25, 'BI: dashboards time out for EU users', 'Resolved'],
    [29, 'Permission issue for new users', 'Resolved'],
  ];
  for (const [ago, subject, outcome] of recentTickets) {
    acts.push({ date: T - ago, type: 'ticket', subject, owner: r.pick(SUPPORT), outcome });
  }
  // The remaining 106, with a fixed type mix so every type is well represented.
  const mix = [['email', 32], ['call', 21], ['meeting', 16], ['ticket', 21], ['note', 9], ['other', 7]];
  for (const [type, n] of mix) {
    for (let i = 0; i < n; i += 1) {
      // Tickets older than 30 days only, so the 30-day count stays at nine.
      const date = r.int(T - 730, type === 'ticket' ? T - 31 : T - 3);
      const owner = type === 'ticket' ? r.pick(SUPPORT)
        : r.weighted([['USR-001', 8], [AE, 1], [SE, type === 'meeting' ? 2 : 0.3]]);
      acts.push({
        date, type, subject: fillSubject(r, type, ACME.products), owner, outcome: r.weighted(OUTCOMES[type]),
      });
    }
  }
  addActivities(ctx, id, acts);
  const tickets30 = acts.filter((a) => a.type === 'ticket' && a.date > T - 30).length;

  rows.add('customer_health', {
    customer_id: id, health_score: ACME.health, nps_score: -10, csat_score: 61.5, support_ticket_count_30d: tickets30,
    avg_resolution_time_hours: 31.5, churn_risk_score: 78, as_of_date: fmt(T),
  });
  // 0.30*50 + 0.20*28 + 0.20*35 + 0.15*78 + 0.15*38 = 45.0; Support is the weak spot.
  const components = { 'Product usage': 50, Support: 28, Engagement: 35, Financial: 78, Sentiment: 38 };
  for (const [component, weight] of HEALTH_WEIGHTS) {
    rows.add('health_breakdown', { customer_id: id, component, score: components[component], weight });
  }
  [74, 73, 71, 70, 67, 64, 61, 58, 55, 51, 48, 45].forEach((score, i) => {
    rows.add('health_history', { customer_id: id, snapshot_date: fmt(monthStart(T, i - 11)), score });
  });

  const contacts = [
    ['Laura Martinez', 'Director of Business Systems', 'Champion', true, T - 2],
    ['Michael Brown', 'Chief Technology Officer', 'Executive Sponsor', false, T - 16],
    ['Kevin Nguyen', 'Procurement Manager', 'Procurement', false, T - 4],
    ['Rachel Adams', 'Accounts Payable Lead', 'Billing', false, T - 41],
    ['Daniel Lee', 'CRM Administrator', 'Admin', false, T - 5],
    ['Priya Sharma', 'Senior Data Analyst', 'Power User', false, T - 23],
  ];
  contacts.forEach(([name, title, role, isPrimary, last], i) => {
    rows.add('contacts', {
      contact_id: ctx.next('CON'), customer_id: id, name, title, email: contactEmail(name, domain),
      phone: `+1 415 555 01${pad(20 + i, 2)}`, role, is_primary: isPrimary, last_contacted: fmt(last),
    });
  });

  const lastPaid = invoices[invoices.length - 2];
  const open = invoices[invoices.length - 1];
  const renewalYear = ymd(renewal)[0];
  const docs = [
    ['Master Subscription Agreement', 'contract', toDayNumber('2020-01-10'), 'signed'],
    ['Data Processing Addendum', 'other', toDayNumber('2020-01-12'), 'signed'],
    [`Order Form: Annual Renewal ${ymd(renewalPrev)[0]}`, 'contract', renewalPrev - 21, 'signed'],
    ['API Add-on Proposal', 'proposal', apiStart - 20, 'accepted'],
    ['Quarterly Business Review Deck', 'other', T - 40, 'final'],
    [`Renewal Proposal ${renewalYear}`, 'proposal', T - 12, 'sent'],
    [`Invoice ${lastPaid.invoiceId}`, 'invoice', lastPaid.issued, 'paid'],
    [`Invoice ${open.invoiceId}`, 'invoice', open.issued, 'open'],
  ];
  for (const [title, type, created, status] of docs) {
    rows.add('documents', {
      document_id: ctx.next('DOC'), customer_id: id, title, type, url: docUrl(id, title),
      created_date: fmt(created), status,
    });
  }
}

// A customer signed a few weeks ago: only the name, segment, region, one
// subscription and its ARR are known. Exercises the plugin's empty states.
function buildSparseNew(ctx, spec, id) {
  const { T, rows } = ctx;
  const since = T - 18;
  rows.add('customers', {
    customer_id: id, customer_name: spec.name, segment: spec.segment, region: spec.region, created_date: fmt(since),
  });
  rows.add('subscriptions', {
    subscription_id: ctx.next('SUB'), customer_id: id, contract_id: null, product_id: 'PRD-CRM', status: 'active',
    start_date: fmt(since), end_date: null, licenses: 5, arr: 3000,
  });
  rows.add('customer_revenue', { customer_id: id, current_arr: 3000, as_of_date: fmt(T) });
}

// Migrated from a legacy CRM: no CSM, no products mapped, no history; only
// ARR and a health score survived the import.
function buildSparseLegacy(ctx, spec, id) {
  const { T, rows } = ctx;
  rows.add('customers', {
    customer_id: id, customer_name: spec.name, legal_name: legalName(spec), segment: spec.segment,
    industry: spec.industry, region: spec.region, country: spec.country, created_date: fmt(T - 1480),
  });
  rows.add('customer_revenue', { customer_id: id, current_arr: 9600, as_of_date: fmt(T) });
  rows.add('customer_health', { customer_id: id, health_score: 62, as_of_date: fmt(T) });
}

function buildCustomer(ctx, spec, num) {
  const id = customerId(spec.name, num);
  if (spec.profile === 'sparse-new') return buildSparseNew(ctx, spec, id);
  if (spec.profile === 'sparse-legacy') return buildSparseLegacy(ctx, spec, id);

  const { T, rows } = ctx;
  const r = makeRng(id);
  const { tier, segment: seg } = spec;
  const dormant = spec.profile === 'dormant';
  const domain = `${slugify(spec.name)}.example.org`;

  // --- Tenure and contracts ---------------------------------------------
  let since = T - (spec.tenureDays || r.int(seg === 'SMB' ? 200 : 320, 2600));
  const term = { Enterprise: r.pick([12, 12, 24, 36]), 'Mid-Market': r.pick([12, 12, 24]), SMB: 12 }[seg];
  let renewal;
  if (spec.renewIn != null) {
    renewal = T + spec.renewIn;
    since = Math.min(since, addMonths(renewal, -term));
  } else {
    // Next anniversary of the start date on the contract term.
    let k = 1;
    while (addMonths(since, k * term) <= T) k += 1;
    renewal = addMonths(since, k * term);
  }
  const contractStart = addMonths(renewal, -term);
  const csm = spec.country === 'Russia' ? 'USR-006' : CSMS_BY_REGION[spec.region][num % CSMS_BY_REGION[spec.region].length];

  rows.add('customers', {
    customer_id: id, customer_name: spec.name, legal_name: legalName(spec), inn: innFor(r, spec), segment: seg,
    industry: spec.industry, region: spec.region, country: spec.country, state: spec.state, city: spec.city,
    address: `${r.int(1, 480)} ${r.pick(STREETS)}, ${spec.city}${spec.state && spec.state !== spec.city ? `, ${spec.state}` : ''}, ${spec.country}`,
    phone: pickPhone(r, spec.country), email: `info@${domain}`, website: `https://${domain}`,
    employee_count: roundTo(r.logUniform(...{ Enterprise: [1200, 60000], 'Mid-Market': [200, 2500], SMB: [12, 200] }[seg]),
      seg === 'SMB' ? 1 : 10),
    created_date: fmt(since), csm_id: csm,
  });

  // --- Products -----------------------------------------------------------
  const currentArr = roundTo(
    r.logUniform(...{ Enterprise: [120000, 900000], 'Mid-Market': [25000, 140000], SMB: [3000, 24000] }[seg]),
    seg === 'SMB' ? 100 : 500,
  );
  const nActive = { Enterprise: r.int(2, 5), 'Mid-Market': r.int(1, 4), SMB: r.int(1, 2) }[seg];
  // CRM is the product most customers land with.
  const order = r.chance(0.85) ? [PRODUCTS[0], ...r.shuffle(PRODUCTS.slice(1))] : r.shuffle(PRODUCTS.slice(1));
  const active = order.slice(0, nActive).sort((a, b) => a.sort_order - b.sort_order);
  const rest = order.slice(nActive);
  const trial = !dormant && tier !== 'critical' && r.chance(tier === 'healthy' ? 0.3 : 0.15) ? rest.shift() : null;
  const churned = since < T - 240 && r.chance(tier === 'healthy' ? 0.1 : 0.45) ? rest.shift() : null;

  const contractId = ctx.next('CTR');
  rows.add('contracts', {
    contract_id: contractId, customer_id: id, start_date: fmt(contractStart), end_date: fmt(renewal - 1),
    renewal_date: fmt(renewal), term_months: term, status: 'active', auto_renew: seg === 'SMB',
    total_value: round2((currentArr * term) / 12),
  });
  // Earlier terms back to the start date (the first one may be a short stub).
  for (let s = contractStart; s > since;) {
    const prevStart = Math.max(since, addMonths(s, -term));
    rows.add('contracts', {
      contract_id: ctx.next('CTR'), customer_id: id, start_date: fmt(prevStart), end_date: fmt(s - 1),
      renewal_date: fmt(s), term_months: term, status: 'expired', auto_renew: seg === 'SMB', total_value: null,
    });
    s = prevStart;
  }

  const util = { healthy: [0.68, 0.95], 'at-risk': [0.45, 0.72], critical: [0.2, 0.5] }[tier];
  const adoption = { healthy: [55, 90], 'at-risk': [35, 65], critical: [15, 45] }[tier];
  const weightSum = active.reduce((s, p) => s + p.weight, 0);
  let left = currentArr;
  let mau = 0;
  let lastUsed = 0;
  active.forEach((p, i) => {
    const arr = i === active.length - 1 ? left : roundTo((currentArr * p.weight) / weightSum, 100);
    left -= arr;
    const licenses = Math.max(3, Math.round((arr / p.list_price) * r.float(1.0, 1.35)));
    const users = dormant ? 0 : Math.round(licenses * r.float(...util));
    const last = dormant ? T - r.int(95, 115) : T - r.int(1, 3);
    mau += users;
    lastUsed = Math.max(lastUsed, last);
    rows.add('subscriptions', {
      subscription_id: ctx.next('SUB'), customer_id: id, contract_id: contractId, product_id: p.product_id,
      status: 'active', start_date: fmt(i === 0 ? since : r.int(since, Math.max(since, T - 60))),
      end_date: fmt(renewal - 1), licenses, arr,
    });
    rows.add('product_usage', {
      customer_id: id, product_id: p.product_id, active_users: users,
      feature_adoption: dormant ? r.int(5, 20) : round1(r.float(...adoption)), last_active_date: fmt(last),
    });
  });
  if (trial) {
    const start = T - r.int(7, 25);
    const licenses = r.int(5, 25);
    const users = Math.round(licenses * r.float(0.4, 0.8));
    mau += users;
    rows.add('subscriptions', {
      subscription_id: ctx.next('SUB'), customer_id: id, contract_id: null, product_id: trial.product_id,
      status: 'trial', start_date: fmt(start), end_date: fmt(start + 30), licenses, arr: 0,
    });
    rows.add('product_usage', {
      customer_id: id, product_id: trial.product_id, active_users: users, feature_adoption: round1(r.float(15, 40)),
      last_active_date: fmt(T - r.int(1, 3)),
    });
  }
  let churnedArr = 0;
  let churnEnd = null;
  if (churned) {
    churnEnd = T - r.int(45, 220);
    const start = Math.max(since, churnEnd - r.int(180, 540));
    churnedArr = roundTo(currentArr * r.float(0.08, 0.2), 100);
    rows.add('subscriptions', {
      subscription_id: ctx.next('SUB'), customer_id: id, contract_id: null, product_id: churned.product_id,
      status: 'churned', start_date: fmt(start), end_date: fmt(churnEnd),
      licenses: Math.max(3, Math.round(churnedArr / churned.list_price)), arr: 0,
    });
    rows.add('product_usage', {
      customer_id: id, product_id: churned.product_id, active_users: 0, feature_adoption: round1(r.float(5, 25)),
      last_active_date: fmt(churnEnd - r.int(0, 20)),
    });
  }

  // --- ARR history (up to 24 months), walked backwards from current ARR --
  // Each step back undoes the event of that month: a renewal's price change,
  // a mid-term expansion, or a churned product's revenue.
  const first = Math.max(monthStart(since), monthStart(T, -23));
  const months = [];
  for (let m = first; m <= T; m = addMonths(m, 1)) months.push(m);
  const renewalMonths = new Set();
  for (let s = contractStart; s > since; s = addMonths(s, -term)) renewalMonths.add(firstMonthOnOrAfter(s));
  const growth = { healthy: [1.05, 1.22], 'at-risk': [0.95, 1.08], critical: [0.85, 1.03] }[tier];
  const expansionMonth = tier === 'healthy' && r.chance(0.5) ? months[r.int(0, months.length - 1)] : null;
  const values = new Array(months.length);
  let cur = currentArr;
  for (let i = months.length - 1; i >= 0; i -= 1) {
    values[i] = i === months.length - 1 ? currentArr : roundTo(cur, 100);
    const m = months[i];
    if (renewalMonths.has(m)) cur /= r.float(...growth);
    if (m === expansionMonth) cur /= r.float(1.03, 1.1);
    if (churnEnd !== null && m === firstMonthOnOrAfter(churnEnd + 1)) cur += churnedArr;
  }
  const history = months.map((m, i) => ({ month: m, arr: values[i] }));
  for (const h of history) rows.add('arr_history', { customer_id: id, month: fmt(h.month), arr: h.arr });

  // --- Invoices and payments ---------------------------------------------
  const cadence = seg === 'Enterprise' ? 3 : seg === 'Mid-Market' ? r.pick([1, 3]) : 1;
  const lateP = { healthy: 0.12, 'at-risk': 0.3, critical: 0.5 }[tier];
  const lateMax = { healthy: 12, 'at-risk': 25, critical: 50 }[tier];
  const method = seg === 'Enterprise' ? 'wire' : seg === 'SMB' ? 'card' : r.pick(['wire', 'ach', 'card']);
  const specs = [];
  history.forEach((h, i) => {
    if (i % cadence !== 0) return;
    const issued = Math.max(h.month, since);
    const amount = round2((h.arr * cadence) / 12);
    // Now and then billing voids an invoice and reissues it a few days later.
    if (i < history.length - 3 && r.chance(0.015)) {
      specs.push({ issued, due: issued + 30, amount, void: true, payDate: null });
    }
    const reissued = specs.length && specs[specs.length - 1].void ? issued + 3 : issued;
    const due = reissued + 30;
    const lateBy = r.chance(lateP) ? r.int(1, lateMax) : 0;
    specs.push({ issued: reissued, due, amount, payDate: lateBy ? due + lateBy : due - r.int(0, 12) });
  });
  // Struggling accounts often sit on their latest due invoice.
  const unpaidP = { healthy: 0, 'at-risk': 0.25, critical: 0.7 }[tier];
  const latestDue = specs.filter((x) => !x.void && x.due < T).pop();
  if (latestDue && r.chance(unpaidP)) latestDue.payDate = null;
  const invoices = specs.map((x) => addInvoiceWithPayment(ctx, id, x, x.payDate, method));
  const pay = summarisePayments(invoices);

  // --- Activities ---------------------------------------------------------
  const productNames = active.map((p) => p.product_name);
  const nAct = { Enterprise: r.int(30, 60), 'Mid-Market': r.int(15, 35), SMB: r.int(6, 18) }[seg];
  const lastAct = dormant ? T - r.int(120, 140) : T - r.int(0, 9);
  const actFrom = Math.max(since, T - 540);
  const typeWeights = [['email', 30], ['call', 20], ['meeting', 15], ['ticket', tier === 'critical' ? 30 : 18],
    ['note', 10], ['other', 5]];
  const acts = [];
  for (let i = 0; i < nAct; i += 1) {
    const type = r.weighted(typeWeights);
    acts.push({ date: i === 0 ? lastAct : r.int(actFrom, lastAct), type });
  }
  // Struggling accounts file tickets right now.
  if (tier === 'critical' && !dormant) {
    for (let i = r.int(3, 6); i > 0; i -= 1) acts.push({ date: r.int(T - 29, lastAct), type: 'ticket' });
  }
  for (const a of acts) {
    a.subject = fillSubject(r, a.type, productNames);
    if (a.type === 'ticket') {
      a.owner = r.pick(SUPPORT);
      a.outcome = a.date > T - 7 ? r.pick(['In progress', 'Escalated', 'Waiting on customer'])
        : r.weighted(tier === 'critical' ? [['Resolved', 5], ['Escalated', 2], ['Closed - no action', 1]] : OUTCOMES.ticket);
    } else {
      a.owner = r.weighted([[csm, 8], [AE, 1], [SE, a.type === 'meeting' ? 2 : 0.3]]);
      a.outcome = r.weighted(OUTCOMES[a.type]);
    }
  }
  addActivities(ctx, id, acts);
  const tickets30 = acts.filter((a) => a.type === 'ticket' && a.date > T - 30).length;

  // --- Health ---------------------------------------------------------------
  const nps = { healthy: r.int(20, 70), 'at-risk': r.int(-20, 30), critical: r.int(-70, 0) }[tier];
  const avgResolution = round1(r.float(...{ healthy: [3, 14], 'at-risk': [10, 30], critical: [20, 60] }[tier]));
  const health = buildHealth(r, tier, {
    tickets30, avgResolution, avgDelay: pay.avgDelay || 0, overdue: pay.overdue, nps, dormant,
  });
  const renewalSoon = renewal - T <= 60 && tier !== 'healthy' ? 6 : 0;
  rows.add('customer_health', {
    customer_id: id, health_score: health.score, nps_score: nps,
    csat_score: round1(r.float(...{ healthy: [84, 98], 'at-risk': [68, 86], critical: [45, 72] }[tier])),
    support_ticket_count_30d: tickets30, avg_resolution_time_hours: avgResolution,
    churn_risk_score: clamp(Math.round(100 - health.score + r.int(-8, 8) + renewalSoon), 2, 98), as_of_date: fmt(T),
  });
  const drift = { healthy: r.int(-6, 6), 'at-risk': r.int(5, 18), critical: r.int(15, 35) }[tier];
  addHealthRows(ctx, id, health.components, health.score, since, drift, r);

  // Lifetime value: what was paid plus expected future revenue; healthier
  // customers are expected to stay longer.
  const paidBeforeWindow = ((first - since) / 365) * history[0].arr;
  const ltv = roundTo(pay.totalPaid + paidBeforeWindow + currentArr * (0.5 + (4 * health.score) / 100), 1000);
  addRevenueRow(ctx, id, history, invoices, ltv);

  // --- Usage trend: 90 complete days of daily active users ---------------
  const dauShare = r.float(0.45, 0.65);
  const startMult = { healthy: r.float(0.88, 1.0), 'at-risk': r.float(1.0, 1.2), critical: r.float(1.2, 1.6) }[tier];
  for (let i = 0; i < 90; i += 1) {
    const d = T - 90 + i;
    if (d < since) continue;
    const trend = startMult + ((1 - startMult) * i) / 89;
    const v = dormant || d > lastUsed ? 0 : mau * dauShare * trend * (isWeekend(d) ? 0.25 : 1) * r.float(0.94, 1.06);
    rows.add('usage_trend', { customer_id: id, usage_date: fmt(d), active_users: Math.round(v) });
  }

  // --- Contacts ---------------------------------------------------------------
  const nContacts = { Enterprise: r.int(4, 6), 'Mid-Market': r.int(3, 4), SMB: r.int(1, 3) }[seg];
  personNames(r, spec.region, spec.country, nContacts).forEach((name, i) => {
    const slot = CONTACT_SLOTS[i];
    const last = i === 0 ? lastAct : Math.max(since, (dormant ? lastAct : T) - r.int(3, 90));
    rows.add('contacts', {
      contact_id: ctx.next('CON'), customer_id: id, name, title: slot.title, email: contactEmail(name, domain),
      phone: pickPhone(r, spec.country), role: slot.role, is_primary: i === 0, last_contacted: fmt(last),
    });
  });

  // --- Documents ------------------------------------------------------------
  const docs = [['Master Subscription Agreement', 'contract', since - r.int(3, 20), 'signed']];
  if (contractStart > since) {
    docs.push([`Order Form: Renewal ${ymd(contractStart)[0]}`, 'contract', contractStart - r.int(5, 25), 'signed']);
  }
  if (renewal - T <= 90) {
    docs.push([`Renewal Proposal ${ymd(renewal)[0]}`, 'proposal', T - r.int(2, 20), r.pick(['draft', 'sent'])]);
  } else if (trial) {
    docs.push([`${trial.product_name} Expansion Proposal`, 'proposal', T - r.int(1, 10), 'draft']);
  }
  const lastInvoice = invoices[invoices.length - 1];
  if (lastInvoice) docs.push([`Invoice ${lastInvoice.invoiceId}`, 'invoice', lastInvoice.issued, lastInvoice.status]);
  if (r.chance(0.6)) {
    const title = r.pick(['Security Questionnaire', 'Onboarding Plan', 'Data Processing Addendum', 'QBR Deck']);
    docs.push([title, 'other', Math.max(since, T - r.int(10, 300)), 'final']);
  }
  for (const [title, type, created, status] of docs) {
    rows.add('documents', {
      document_id: ctx.next('DOC'), customer_id: id, title, type, url: docUrl(id, title),
      created_date: fmt(created), status,
    });
  }
  return undefined;
}

/**
 * Builds the INSERT statements for schema.sql.
 * @param {{ today?: Date | string }} [options] reference date; only its UTC
 *   calendar day is used. Pass the same date to get byte-identical SQL.
 * @returns {string} SQL wrapped in one transaction
 */
function buildSeedSql({ today = new Date() } = {}) {
  const T = toDayNumber(today);
  const ctx = createContext(T);
  for (const u of USERS) ctx.rows.add('users', u);
  for (const { weight: _weight, ...p } of PRODUCTS) ctx.rows.add('products', p);
  buildAcme(ctx);
  CUSTOMER_SPECS.forEach((spec, i) => buildCustomer(ctx, spec, i + 2));
  return [
    `-- Customer Profile 360 demo data, generated by demo/db/seed.js for reference date ${fmt(T)}.`,
    'BEGIN;',
    ctx.rows.toSql(),
    'COMMIT;',
    // Fresh statistics: without them PostgreSQL over-estimates the correlated
    // subqueries and may spend longer JIT-compiling than running the query.
    'ANALYZE;',
    '',
  ].join('\n');
}

module.exports = { buildSeedSql, ACME, toDayNumber };
