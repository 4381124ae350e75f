/**
 * Property-based tests over thousands of generated rows: the parser is total and its output well-formed, the rules
 * keep their order and bounds, and redaction leaves no hidden value behind.
 */
import fc from 'fast-check';
import { parseRow, parseRows } from '../../src/model/parse';
import { computeAlerts, computeFacts, healthStatus } from '../../src/model/facts';
import { redactProfile } from '../../src/model/redact';
import { toCsv, toJson } from '../../src/model/export';
import { SCALAR_COLUMNS, DETAIL_COLUMNS } from '../../src/model/columns';
import { SEVERITY_RANK } from '../../src/model/constants';
import { resolveOptions } from '../../src/plugin/formData';
import type { CustomerProfile } from '../../src/model/types';
import { TODAY } from '../support/fixtures';

const RUNS = { numRuns: 2000 };

/** Any JSON-ish value, plus the odd values databases and drivers produce. */
const anyValue = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, '', ' ', 'null', '1,234.5', '2024-02-30', '9999-12-31'),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.boolean(),
  fc.date({ min: new Date(-1e14), max: new Date(1e14) }),
  fc.jsonValue(),
  fc.json(),
);
const detailItem = fc.dictionary(
  fc.constantFrom(
    'month',
    'arr',
    'amount',
    'date',
    'score',
    'type',
    'url',
    'email',
    'phone',
    'name',
    'activity_date',
    'x',
  ),
  anyValue,
);
const detailValue = fc.oneof(
  anyValue,
  fc.array(detailItem, { maxLength: 5 }),
  fc.array(detailItem, { maxLength: 5 }).map(a => JSON.stringify(a, (_, v) => (typeof v === 'bigint' ? Number(v) : v))),
);

const row = fc.record(
  Object.fromEntries([
    ...SCALAR_COLUMNS.map(c => [c.column, anyValue]),
    ...DETAIL_COLUMNS.map(c => [c.column, detailValue]),
  ]),
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, unknown>>;

const rowWithId = row.map(r => ({ ...r, customer_id: 'C-1', customer_name: 'Name' }));

function isWellFormed(profile: CustomerProfile): boolean {
  const finite = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
  const isoDate = (v: unknown) => v === undefined || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));
  const h = profile.health;
  return (
    typeof profile.id === 'string' &&
    typeof profile.name === 'string' &&
    [h.score, h.nps, h.csat, h.churnRisk, profile.employeeCount].every(finite) &&
    (h.score === undefined || (h.score >= 0 && h.score <= 100)) &&
    [profile.customerSince, profile.renewal.renewalDate, profile.products.lastActiveDate].every(isoDate) &&
    Array.isArray(profile.activity.items) &&
    profile.activity.items.every(a => typeof a.type === 'string' && isoDate(a.activityDate)) &&
    profile.products.active.every(p => typeof p === 'string' && p.length > 0) &&
    !JSON.stringify(profile).includes('"undefined"')
  );
}

test('parseRow never throws and returns a well-formed profile or none', () => {
  fc.assert(
    fc.property(row, r => {
      const parsed = parseRow(r);
      return parsed.profile === undefined ? parsed.issues.length > 0 : isWellFormed(parsed.profile);
    }),
    RUNS,
  );
});

test('parseRows is total: ok, empty or error, never a throw', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 4 }), rows => {
      const result = parseRows(rows, ['customer_id', 'customer_name', 'current_arr']);
      return ['ok', 'empty', 'error'].includes(result.status);
    }),
    { numRuns: 500 },
  );
});

test('alerts are sorted by severity, carry finite values, and never throw', () => {
  const thresholds = resolveOptions({}).thresholds;
  fc.assert(
    fc.property(rowWithId, r => {
      const profile = parseRow(r).profile as CustomerProfile;
      const alerts = computeAlerts(profile, thresholds, TODAY);
      const ranks = alerts.map(a => SEVERITY_RANK[a.severity]);
      return (
        ranks.every((rank, i) => i === 0 || ranks[i - 1] <= rank) &&
        alerts.every(a => Number.isFinite(a.value) && Number.isFinite(a.threshold)) &&
        new Set(alerts.map(a => a.kind)).size === alerts.length
      );
    }),
    RUNS,
  );
});

test('health status is monotonic in the score', () => {
  const thresholds = { healthCritical: 50, healthAtRisk: 70 };
  const order = { critical: 0, 'at-risk': 1, healthy: 2 };
  fc.assert(
    fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return (
        order[healthStatus(lo, thresholds) as keyof typeof order] <=
        order[healthStatus(hi, thresholds) as keyof typeof order]
      );
    }),
    RUNS,
  );
});

test('days to renewal is an integer whenever there is a date', () => {
  fc.assert(
    fc.property(rowWithId, r => {
      const days = computeFacts(parseRow(r).profile as CustomerProfile, resolveOptions({}).thresholds, TODAY).renewal
        ?.days;
      return days === undefined || Number.isInteger(days);
    }),
    RUNS,
  );
});

test('redaction leaves no sensitive or financial value in the profile or its exports', () => {
  const secret = fc.string({ minLength: 6, maxLength: 12 }).map(s => `SECRET${s.replace(/[^a-z0-9]/gi, 'x')}`);
  fc.assert(
    fc.property(secret, rowWithId, (value, r) => {
      const tagged = {
        ...r,
        inn: value,
        legal_name: value,
        address: value,
        phone: value,
        email: value,
        csm_phone: value,
        contacts: [{ name: 'A', email: value, phone: value }],
        invoices: [{ invoice_id: value }],
        arr_history: [{ month: '2025-01-01', arr: 1, note: value }],
      };
      const profile = parseRow(tagged).profile as CustomerProfile;
      const redacted = redactProfile(profile, { showFinancialData: false, showSensitiveData: false });
      const input = { profile: redacted, alerts: [], exportedAt: TODAY };
      return ![JSON.stringify(redacted), toJson(input), toCsv(input)].some(text => text.includes(value));
    }),
    { numRuns: 1000 },
  );
});
