/**
 * Named fixtures. The seed's Acme example is the reference customer: ARR 250,000 with +15% YoY, health 45,
 * renewal in 25 days (relative to TODAY), products CRM, BI and API.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resolveToday } = require('../../scripts/today') as { resolveToday: () => string };

/** The project's one reference day (CP360_TODAY, scripts/today.js), as YYYY-MM-DD; the fixtures are relative to it. */
export const TODAY_ISO = resolveToday();
/** Noon of the reference day, UTC: the clock of the tests that fix "today" (render.tsx, fixToday). */
export const TODAY = new Date(`${TODAY_ISO}T12:00:00Z`);

/** A day as the chart writes it in English, e.g. "Nov 27, 2026". */
export const shortDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The reference day plus `days`, as YYYY-MM-DD. */
export const daysFrom = (days: number) => {
  const d = new Date(Date.parse(`${TODAY_ISO}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};

export const acmeRow: Record<string, unknown> = {
  customer_id: 'ACME-001',
  customer_name: 'Acme Corporation',
  legal_name: 'Acme Corporation LLC',
  inn: '7707083893',
  segment: 'Enterprise',
  industry: 'Technology',
  region: 'North America',
  city: 'San Francisco',
  address: '1 Market St, San Francisco, CA',
  phone: '+1 415 555 0100',
  email: 'info@acme.example.com',
  website: 'https://acme.example.com',
  employee_count: 500,
  customer_since: Date.UTC(2020, 0, 15),
  csm_id: 'U-7',
  csm_name: 'John Smith',
  csm_email: 'john.smith@example.com',
  csm_phone: '+1 415 555 0199',
  current_arr: 250000,
  prev_month_arr: 245000,
  arr_growth_mom: 2.04,
  arr_growth_yoy: 15,
  first_payment_date: '2020-02-01',
  last_payment_date: daysFrom(-20),
  ltv: 1200000,
  total_paid: 1150000,
  total_invoices: 48,
  avg_payment_delay: 4,
  health_score: 45,
  nps_score: 20,
  csat_score: 78,
  support_ticket_count_30d: 12,
  avg_resolution_time_hours: 18.5,
  churn_risk_score: 62,
  renewal_date: daysFrom(25),
  contract_end_date: daysFrom(30),
  contract_term_months: 12,
  active_products: 'CRM, BI, API',
  product_count: 3,
  last_active_date: daysFrom(-2),
  avg_feature_adoption: 64,
  total_interactions: 5,
  last_interaction_date: daysFrom(-3),
  arr_history: JSON.stringify([
    { month: '2025-10-01', arr: 230000 },
    { month: '2025-11-01', arr: 240000 },
    { month: '2025-12-01', arr: 245000 },
    { month: '2026-01-01', arr: 250000 },
  ]),
  invoices: [
    {
      invoice_id: 'INV-1001',
      issued_date: '2026-01-01',
      due_date: '2026-01-31',
      paid_date: '2026-02-03',
      amount: 20833,
      status: 'paid',
    },
    {
      invoice_id: 'INV-1002',
      issued_date: '2026-02-01',
      due_date: '2026-03-03',
      paid_date: null,
      amount: 20833,
      status: 'open',
    },
  ],
  payments: [
    { payment_date: '2026-01-05', amount: 20833, days_late: 0 },
    { payment_date: '2026-02-03', amount: 20833, days_late: 3 },
  ],
  product_usage: [
    {
      product_name: 'CRM',
      status: 'active',
      licenses: 200,
      active_users: 150,
      feature_adoption: 72,
      last_active_date: daysFrom(-2),
    },
    {
      product_name: 'BI',
      status: 'active',
      licenses: 50,
      active_users: 20,
      feature_adoption: 40,
      last_active_date: daysFrom(-5),
    },
    {
      product_name: 'API',
      status: 'active',
      licenses: 10,
      active_users: 9,
      feature_adoption: 80,
      last_active_date: daysFrom(-1),
    },
  ],
  usage_trend: [
    { date: daysFrom(-14), active_users: 170 },
    { date: daysFrom(-7), active_users: 175 },
    { date: daysFrom(-1), active_users: 179 },
  ],
  health_breakdown: [
    { component: 'Product usage', score: 60, weight: 0.3 },
    { component: 'Support', score: 25, weight: 0.3 },
    { component: 'Engagement', score: 50, weight: 0.2 },
    { component: 'Sentiment', score: 55, weight: 0.2 },
  ],
  health_history: [
    { date: '2025-12-01', score: 60 },
    { date: '2026-01-01', score: 52 },
    { date: '2026-02-01', score: 45 },
  ],
  activities: [
    {
      activity_id: 'A1',
      activity_date: daysFrom(-3),
      type: 'meeting',
      subject: 'QBR preparation',
      owner: 'John Smith',
      outcome: 'Agreed agenda',
    },
    {
      activity_id: 'A2',
      activity_date: daysFrom(-10),
      type: 'call',
      subject: 'Renewal check-in',
      owner: 'John Smith',
      outcome: 'Budget pending',
    },
    {
      activity_id: 'A3',
      activity_date: daysFrom(-12),
      type: 'email',
      subject: 'Pricing follow-up',
      owner: 'John Smith',
      outcome: null,
    },
    {
      activity_id: 'A4',
      activity_date: daysFrom(-20),
      type: 'ticket',
      subject: 'SSO login failures',
      owner: 'Support',
      outcome: 'Resolved',
    },
    {
      activity_id: 'A5',
      activity_date: daysFrom(-30),
      type: 'note',
      subject: 'Champion changed roles',
      owner: 'John Smith',
      outcome: null,
    },
  ],
  contacts: [
    {
      name: 'Jane Doe',
      title: 'VP Operations',
      role: 'Champion',
      is_primary: true,
      last_contacted: daysFrom(-3),
    },
    {
      name: 'Bob Lee',
      title: 'CFO',
      role: 'Economic buyer',
      is_primary: false,
      last_contacted: daysFrom(-40),
    },
  ],
  // The contacts' e-mails and phones, queried only with sensitive data on; joined to the contacts by name.
  contact_details: JSON.stringify([
    { name: 'Jane Doe', email: 'jane.doe@acme.example.com', phone: '+1 415 555 0111' },
    { name: 'Bob Lee', email: 'bob.lee@acme.example.com', phone: '+1 415 555 0112' },
  ]),
  documents: [
    {
      title: 'Master Services Agreement',
      type: 'contract',
      url: 'https://docs.example.com/acme/msa.pdf',
      created_date: '2020-01-10',
      status: 'signed',
    },
    {
      title: 'Renewal proposal 2026',
      type: 'proposal',
      url: 'https://docs.example.com/acme/renewal.pdf',
      created_date: daysFrom(-15),
      status: 'sent',
    },
    {
      title: 'Suspicious link',
      type: 'other',
      url: 'javascript:alert(1)',
      created_date: daysFrom(-5),
      status: 'draft',
    },
  ],
};

/** Values that must never appear when their permission is off. */
export const SENSITIVE_VALUES = [
  'Acme Corporation LLC',
  '7707083893',
  '1 Market St',
  '+1 415 555 0100',
  'info@acme.example.com',
  '+1 415 555 0199',
  'jane.doe@acme.example.com',
  '+1 415 555 0111',
];
export const FINANCIAL_VALUES = ['250,000', '1,200,000', '1,150,000', '20,833', 'INV-1001', '245,000'];

export const sparseRow: Record<string, unknown> = {
  customer_id: 'SPARSE-1',
  customer_name: 'Sparse Ltd',
  current_arr: null,
};

export const rowWith = (overrides: Record<string, unknown>) => ({ ...acmeRow, ...overrides });

/**
 * Acme as a dataset written before `contact_details` gives it: the e-mails and phones inside `contacts`, where they
 * travel in the chart's query whatever the chart shows.
 */
export const savedContactsRow: Record<string, unknown> = (() => {
  const { contact_details: details, ...row } = acmeRow;
  const byName = new Map(
    (JSON.parse(details as string) as { name: string }[]).map(({ name, ...rest }) => [name, rest]),
  );
  return {
    ...row,
    contacts: (acmeRow.contacts as { name: string }[]).map(contact => ({ ...contact, ...byName.get(contact.name) })),
  };
})();

/** Keys beyond the contract that look personal, in the items of several detail columns, and the values they hold. */
export const PERSONAL_EXTRAS = {
  activities: { contact_email: 'laura.martinez@acme.example.org' },
  documents: { signer_email: 'signer@acme.example.org', approval: { step: 2, approver_phone: '+1 415 555 0150' } },
  invoices: { billing_address: '9 Hidden Lane' },
  contacts: { mobile: '+1 415 555 0177', personal_email: 'jane@home.example.org' },
  product_usage: { admin_home_phone: '+1 415 555 0188' },
} as const;
/** Values of PERSONAL_EXTRAS, which must never appear with sensitive data off. */
export const PERSONAL_VALUES = [
  'laura.martinez@acme.example.org',
  'signer@acme.example.org',
  '+1 415 555 0150',
  '9 Hidden Lane',
  '+1 415 555 0177',
  'jane@home.example.org',
  '+1 415 555 0188',
];

/** Acme with PERSONAL_EXTRAS in the first item of each of those columns, next to harmless extra keys. */
export const personalExtrasRow: Record<string, unknown> = {
  ...acmeRow,
  ...Object.fromEntries(
    Object.entries(PERSONAL_EXTRAS).map(([column, extras]) => {
      const [first, ...rest] = acmeRow[column] as Record<string, unknown>[];
      return [column, [{ ...first, ...extras, source: 'crm' }, ...rest]];
    }),
  ),
};
