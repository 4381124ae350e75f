/**
 * The bench's rows: the seed's Acme row (test/support/fixtures.ts) and a heavy row, generated deterministically (a
 * seeded PRNG, dates counted from the fixtures' TODAY), so every run and every machine measures the same data.
 *
 * Heavy: 10,000 activities, 120 months of ARR history, 1,000 invoices (and a payment for each paid one), 200 contacts,
 * 500 documents; the other columns are the seed's. Detail columns come in the two shapes Superset delivers them:
 * JSON text (a `json_agg(...)::text` or VARCHAR column, as the seed's arr_history) or parsed arrays (a JSON column).
 */
import { acmeRow } from '../test/support/fixtures';
import { ACTIVITY_TYPES, DOCUMENT_TYPES } from '../src/model/constants';

export { acmeRow };

export const HEAVY = { activities: 10_000, arrMonths: 120, invoices: 1_000, contacts: 200, documents: 500 } as const;

/** mulberry32: a small, fast, seeded PRNG. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
/** The fixtures' TODAY, 2026-03-01. */
const TODAY_MS = Date.UTC(2026, 2, 1);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysAgo = (days: number) => isoDay(TODAY_MS - days * DAY);

const SUBJECTS = [
  'QBR preparation', 'Renewal check-in', 'Pricing follow-up', 'SSO login failures', 'Champion changed roles',
  'Onboarding session', 'Feature request: exports', 'Invoice question', 'Executive sponsor sync', 'Training for new admins',
];
const OWNERS = ['John Smith', 'Maria Garcia', 'Support', 'Wei Chen', 'Aisha Khan'];
const OUTCOMES = ['Agreed agenda', 'Budget pending', 'Resolved', 'Follow-up scheduled', null];
const TITLES = ['VP Operations', 'CFO', 'IT Director', 'Admin', 'Head of Sales', 'Analyst'];
const ROLES = ['Champion', 'Economic buyer', 'User', 'Technical contact'];

const pick = <T,>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

export function activities(count: number, seed = 1) {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => ({
    activity_id: `A${i + 1}`,
    activity_date: daysAgo(Math.floor(next() * 3 * 365)),
    type: pick(next, ACTIVITY_TYPES),
    subject: `${pick(next, SUBJECTS)} #${i + 1}`,
    owner: pick(next, OWNERS),
    outcome: pick(next, OUTCOMES),
  }));
}

function arrHistory(months: number) {
  const next = random(2);
  let arr = 60_000;
  return Array.from({ length: months }, (_, i) => {
    arr = Math.round(arr * (1 + (next() - 0.3) * 0.03));
    const d = new Date(TODAY_MS);
    d.setUTCMonth(d.getUTCMonth() - (months - i), 1);
    return { month: isoDay(d.getTime()), arr };
  });
}

function invoicesAndPayments(count: number) {
  const next = random(3);
  const invoices = [];
  const payments = [];
  for (let i = 0; i < count; i += 1) {
    const issued = TODAY_MS - (count - i) * 3 * DAY;
    const late = Math.floor(next() * 20) - 5;
    const open = i >= count - 20;
    const paid = open ? null : isoDay(issued + (30 + late) * DAY);
    const amount = 1_000 + Math.floor(next() * 40_000);
    invoices.push({
      invoice_id: `INV-${10_000 + i}`,
      issued_date: isoDay(issued),
      due_date: isoDay(issued + 30 * DAY),
      paid_date: paid,
      amount,
      status: open ? 'open' : 'paid',
    });
    if (paid) payments.push({ payment_date: paid, amount, days_late: Math.max(0, late) });
  }
  return { invoices, payments };
}

function contacts(count: number) {
  const next = random(4);
  return Array.from({ length: count }, (_, i) => ({
    name: `Contact ${i + 1}`,
    title: pick(next, TITLES),
    email: `contact${i + 1}@acme.example.com`,
    phone: `+1 415 555 ${String(1000 + i).slice(-4)}`,
    role: pick(next, ROLES),
    is_primary: i === 0,
    last_contacted: daysAgo(Math.floor(next() * 400)),
  }));
}

function documents(count: number) {
  const next = random(5);
  return Array.from({ length: count }, (_, i) => ({
    title: `Document ${i + 1}`,
    type: pick(next, DOCUMENT_TYPES),
    url: `https://docs.example.com/acme/${i + 1}.pdf`,
    created_date: daysAgo(Math.floor(next() * 2000)),
    status: pick(next, ['draft', 'sent', 'signed'] as const),
  }));
}

export type RowShape = 'json' | 'arrays';

const shaped = (value: unknown[], shape: RowShape) => (shape === 'json' ? JSON.stringify(value) : value);

/** The heavy row; `shape` says whether detail columns are JSON text or arrays. */
export function heavyRow(shape: RowShape = 'json'): Record<string, unknown> {
  const { invoices, payments } = invoicesAndPayments(HEAVY.invoices);
  return {
    ...acmeRow,
    total_interactions: HEAVY.activities,
    total_invoices: HEAVY.invoices,
    arr_history: shaped(arrHistory(HEAVY.arrMonths), shape),
    invoices: shaped(invoices, shape),
    payments: shaped(payments, shape),
    activities: shaped(activities(HEAVY.activities), shape),
    contacts: shaped(contacts(HEAVY.contacts), shape),
    documents: shaped(documents(HEAVY.documents), shape),
  };
}

/** The seed's row with `count` activities and nothing else changed: the timeline's scaling alone. */
export function rowWithActivities(count: number, shape: RowShape = 'json'): Record<string, unknown> {
  return { ...acmeRow, total_interactions: count, activities: shaped(activities(count), shape) };
}
