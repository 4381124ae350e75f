-- Customer Profile 360: sample schema for the demo database.
-- Plain PostgreSQL 15/16 (also runs in PGlite); no extensions.
--
-- Layout follows the original design (docs: SM24-CustomerProfile): a customers
-- master table, CSMs in users, nightly roll-ups (customer_revenue,
-- customer_health) and the fact tables the detail tabs are built from.
-- demo/db/dataset.sql turns all of this into one row per customer.
--
-- The DROPs make the script re-runnable against a scratch database
-- (psql -f schema.sql); children are dropped before parents.

DROP TABLE IF EXISTS documents, contacts, activities, health_history,
  health_breakdown, customer_health, usage_trend, product_usage, payments,
  invoices, arr_history, customer_revenue, subscriptions, contracts, products,
  customers, users CASCADE;

-- Our own staff: CSMs own accounts; AEs, support and solutions engineers own
-- activities.
CREATE TABLE users (
  user_id   text PRIMARY KEY,
  name      text NOT NULL,
  email     text NOT NULL UNIQUE,
  phone     text,
  role      text NOT NULL CHECK (role IN ('CSM', 'Account Executive', 'Support Engineer', 'Solutions Engineer')),
  region    text
);

CREATE TABLE customers (
  customer_id    text PRIMARY KEY,
  customer_name  text NOT NULL,
  legal_name     text,
  -- Russian taxpayer id: 10 digits for organisations (12 for individuals).
  inn            text CHECK (inn ~ '^[0-9]{10}([0-9]{2})?$'),
  segment        text CHECK (segment IN ('Enterprise', 'Mid-Market', 'SMB')),
  industry       text,
  region         text CHECK (region IN ('North America', 'EMEA', 'APAC', 'LATAM')),
  country        text,
  state          text,
  city           text,
  address        text,
  phone          text,
  email          text,
  website        text,
  employee_count integer CHECK (employee_count > 0),
  -- "customer since"; the name comes from the original design's SQL.
  created_date   date NOT NULL,
  csm_id         text REFERENCES users (user_id)
);
CREATE INDEX customers_csm_idx ON customers (csm_id);

CREATE TABLE products (
  product_id     text PRIMARY KEY,
  product_name   text NOT NULL UNIQUE,
  category       text NOT NULL,
  -- Catalogue order, used to list active products as 'CRM, BI, API'
  -- rather than alphabetically.
  sort_order     integer NOT NULL,
  list_price     numeric(10, 2) NOT NULL  -- per licence per year
);

-- Commercial agreement. Subscriptions are co-termed to the active contract,
-- so a customer has exactly one renewal date.
CREATE TABLE contracts (
  contract_id   text PRIMARY KEY,
  customer_id   text NOT NULL REFERENCES customers (customer_id),
  start_date    date NOT NULL,
  end_date      date NOT NULL,
  renewal_date  date NOT NULL,
  term_months   integer NOT NULL CHECK (term_months > 0),
  status        text NOT NULL CHECK (status IN ('active', 'expired', 'cancelled')),
  auto_renew    boolean NOT NULL DEFAULT false,
  total_value   numeric(14, 2),
  CHECK (end_date >= start_date)
);
CREATE UNIQUE INDEX contracts_one_active_idx ON contracts (customer_id) WHERE status = 'active';

CREATE TABLE subscriptions (
  subscription_id text PRIMARY KEY,
  customer_id     text NOT NULL REFERENCES customers (customer_id),
  contract_id     text REFERENCES contracts (contract_id),
  product_id      text NOT NULL REFERENCES products (product_id),
  status          text NOT NULL CHECK (status IN ('active', 'trial', 'churned')),
  start_date      date NOT NULL,
  end_date        date,
  licenses        integer NOT NULL CHECK (licenses >= 0),
  -- Contribution to current ARR: 0 for trials and churned products, so
  -- SUM(arr) over active subscriptions equals customer_revenue.current_arr.
  arr             numeric(14, 2) NOT NULL DEFAULT 0,
  UNIQUE (customer_id, product_id)
);

-- Nightly finance roll-up (as in the original design). The generator keeps it
-- consistent with invoices, payments and arr_history.
CREATE TABLE customer_revenue (
  customer_id        text PRIMARY KEY REFERENCES customers (customer_id),
  current_arr        numeric(14, 2) NOT NULL,
  prev_month_arr     numeric(14, 2),
  arr_growth_mom     numeric(7, 2),   -- percent points: 15 = +15 %
  arr_growth_yoy     numeric(7, 2),   -- percent points
  first_payment_date date,
  last_payment_date  date,
  ltv                numeric(14, 2),
  total_paid         numeric(14, 2),
  total_invoices     integer,
  avg_payment_delay  numeric(6, 1),   -- days after due date
  as_of_date         date NOT NULL
);

CREATE TABLE arr_history (
  customer_id text NOT NULL REFERENCES customers (customer_id),
  month       date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  arr         numeric(14, 2) NOT NULL,
  PRIMARY KEY (customer_id, month)
);

CREATE TABLE invoices (
  invoice_id  text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (customer_id),
  issued_date date NOT NULL,
  due_date    date NOT NULL,
  paid_date   date,
  amount      numeric(14, 2) NOT NULL,
  currency    text NOT NULL DEFAULT 'USD',
  status      text NOT NULL CHECK (status IN ('paid', 'open', 'overdue', 'void')),
  CHECK ((paid_date IS NOT NULL) = (status = 'paid'))
);
CREATE INDEX invoices_customer_idx ON invoices (customer_id, issued_date);

CREATE TABLE payments (
  payment_id   text PRIMARY KEY,
  invoice_id   text NOT NULL REFERENCES invoices (invoice_id),
  customer_id  text NOT NULL REFERENCES customers (customer_id),
  payment_date date NOT NULL,
  amount       numeric(14, 2) NOT NULL,
  days_late    integer NOT NULL CHECK (days_late >= 0),  -- 0 = on time
  method       text
);
CREATE INDEX payments_customer_idx ON payments (customer_id, payment_date);

-- Latest usage snapshot per subscribed product (licences live on the
-- subscription).
CREATE TABLE product_usage (
  customer_id      text NOT NULL,
  product_id       text NOT NULL REFERENCES products (product_id),
  active_users     integer NOT NULL CHECK (active_users >= 0),  -- 30-day active
  feature_adoption numeric(5, 1) CHECK (feature_adoption BETWEEN 0 AND 100),
  last_active_date date,
  PRIMARY KEY (customer_id, product_id),
  FOREIGN KEY (customer_id, product_id) REFERENCES subscriptions (customer_id, product_id)
);

-- Daily active users across all products (complete days only, so the last
-- point is yesterday).
CREATE TABLE usage_trend (
  customer_id  text NOT NULL REFERENCES customers (customer_id),
  usage_date   date NOT NULL,
  active_users integer NOT NULL CHECK (active_users >= 0),
  PRIMARY KEY (customer_id, usage_date)
);

-- Nightly health roll-up.
CREATE TABLE customer_health (
  customer_id               text PRIMARY KEY REFERENCES customers (customer_id),
  health_score              integer CHECK (health_score BETWEEN 0 AND 100),
  nps_score                 integer CHECK (nps_score BETWEEN -100 AND 100),
  csat_score                numeric(5, 1) CHECK (csat_score BETWEEN 0 AND 100),
  support_ticket_count_30d  integer CHECK (support_ticket_count_30d >= 0),
  avg_resolution_time_hours numeric(6, 1),
  churn_risk_score          integer CHECK (churn_risk_score BETWEEN 0 AND 100),
  as_of_date                date NOT NULL
);

-- Components of the health score; health_score is the weighted sum (rounded).
CREATE TABLE health_breakdown (
  customer_id text NOT NULL REFERENCES customers (customer_id),
  component   text NOT NULL,
  score       integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  weight      numeric(4, 2) NOT NULL CHECK (weight > 0 AND weight <= 1),
  PRIMARY KEY (customer_id, component)
);

-- Monthly health snapshots (first of the month).
CREATE TABLE health_history (
  customer_id   text NOT NULL REFERENCES customers (customer_id),
  snapshot_date date NOT NULL,
  score         integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  PRIMARY KEY (customer_id, snapshot_date)
);

CREATE TABLE activities (
  activity_id   text PRIMARY KEY,
  customer_id   text NOT NULL REFERENCES customers (customer_id),
  activity_date date NOT NULL,
  type          text NOT NULL CHECK (type IN ('meeting', 'call', 'email', 'ticket', 'note', 'other')),
  subject       text NOT NULL,
  owner_id      text REFERENCES users (user_id),
  outcome       text
);
CREATE INDEX activities_customer_idx ON activities (customer_id, activity_date);

CREATE TABLE contacts (
  contact_id     text PRIMARY KEY,
  customer_id    text NOT NULL REFERENCES customers (customer_id),
  name           text NOT NULL,
  title          text,
  email          text,
  phone          text,
  role           text,
  is_primary     boolean NOT NULL DEFAULT false,
  last_contacted date
);
CREATE INDEX contacts_customer_idx ON contacts (customer_id);
CREATE UNIQUE INDEX contacts_one_primary_idx ON contacts (customer_id) WHERE is_primary;

CREATE TABLE documents (
  document_id  text PRIMARY KEY,
  customer_id  text NOT NULL REFERENCES customers (customer_id),
  title        text NOT NULL,
  type         text NOT NULL CHECK (type IN ('contract', 'proposal', 'invoice', 'other')),
  url          text NOT NULL CHECK (url LIKE 'https://%'),
  created_date date NOT NULL,
  status       text
);
CREATE INDEX documents_customer_idx ON documents (customer_id);
