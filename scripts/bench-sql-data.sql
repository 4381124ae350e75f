-- Customer Profile 360: the demo schema's tables filled at scale, for scripts/bench-sql.js.
-- Run after demo/db/schema.sql (its secondary indexes dropped first: they are built after the load, and measured
-- with and without). Everything comes from generate_series and a seeded random(), so every run loads the same rows.
--
-- :customers, :activities, :invoices (psql variables) set the scale, :today (scripts/today.js) the reference day; the README's figures are for 100,000 customers,
-- 10,000,000 activities, 1,000,000 invoices and as many payments. Activities, invoices and documents go to customers
-- with a mild skew (customer k's share falls with k), so a few customers carry thousands of activities, as real
-- books of business do, and the p95 of the one-customer query sees them.

SET session_replication_role = replica;  -- no FK triggers during the load: the generator keeps references valid
SET synchronous_commit = off;
SELECT setseed(0.360);

-- The customer of the n-th row of a skewed table: 1 + floor(N * u^1.5), u uniform in [0, 1).
CREATE OR REPLACE FUNCTION pg_temp.skewed(n integer) RETURNS integer LANGUAGE sql AS
  $$ SELECT 1 + floor(n * power(random(), 1.5))::integer $$;
CREATE OR REPLACE FUNCTION pg_temp.cid(k integer) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT 'C' || lpad(k::text, 6, '0') $$;

INSERT INTO users (user_id, name, email, phone, role, region)
SELECT 'U' || lpad(i::text, 4, '0'), 'Staff ' || i, 'staff' || i || '@example.com', '+1 415 555 01' || lpad((i % 100)::text, 2, '0'),
       (ARRAY['CSM', 'Account Executive', 'Support Engineer', 'Solutions Engineer'])[1 + i % 4],
       (ARRAY['North America', 'EMEA', 'APAC', 'LATAM'])[1 + i % 4]
FROM generate_series(1, 400) AS i;

INSERT INTO products (product_id, product_name, category, sort_order, list_price) VALUES
  ('P1', 'CRM', 'Core', 1, 1200), ('P2', 'BI', 'Analytics', 2, 900), ('P3', 'API', 'Platform', 3, 600),
  ('P4', 'Support Plus', 'Services', 4, 300);

INSERT INTO customers (customer_id, customer_name, legal_name, inn, segment, industry, region, country, city, address,
                       phone, email, website, employee_count, created_date, csm_id)
SELECT pg_temp.cid(i), 'Customer ' || i, 'Customer ' || i || ' LLC', lpad((7700000000 + i)::text, 10, '0'),
       (ARRAY['Enterprise', 'Mid-Market', 'SMB'])[1 + i % 3],
       (ARRAY['Technology', 'Retail', 'Finance', 'Health', 'Logistics'])[1 + i % 5],
       (ARRAY['North America', 'EMEA', 'APAC', 'LATAM'])[1 + i % 4], 'US', 'City ' || (i % 60),
       i || ' Main Street', '+1 415 555 01' || lpad((i % 100)::text, 2, '0'), 'info@c' || i || '.example.org',
       'https://c' || i || '.example.org', 10 + i % 5000, (:'today')::date - (100 + i % 3000),
       'U' || lpad((1 + 4 * (i % 100))::text, 4, '0')
FROM generate_series(1, :customers) AS i;

INSERT INTO contracts (contract_id, customer_id, start_date, end_date, renewal_date, term_months, status, total_value)
SELECT 'K' || i, pg_temp.cid(i), (:'today')::date - 200, (:'today')::date + 165, (:'today')::date + 165 - 30, 12,
       'active', 10000 + i % 90000
FROM generate_series(1, :customers) AS i;

INSERT INTO subscriptions (subscription_id, customer_id, contract_id, product_id, status, start_date, licenses, arr)
SELECT 'S' || i || '-' || p, pg_temp.cid(i), 'K' || i, 'P' || p, CASE WHEN p = 4 THEN 'trial' ELSE 'active' END,
       (:'today')::date - 200, 5 + (i * p) % 200, CASE WHEN p = 4 THEN 0 ELSE 1000 * p END
FROM generate_series(1, :customers) AS i, generate_series(1, 4) AS p;

INSERT INTO product_usage (customer_id, product_id, active_users, feature_adoption, last_active_date)
SELECT pg_temp.cid(i), 'P' || p, (i * p) % 150, (i * p) % 100, (:'today')::date - (i % 20)
FROM generate_series(1, :customers) AS i, generate_series(1, 4) AS p;

INSERT INTO usage_trend (customer_id, usage_date, active_users)
SELECT pg_temp.cid(i), (:'today')::date - d, (i + d) % 150
FROM generate_series(1, :customers) AS i, generate_series(1, 30) AS d;

INSERT INTO customer_revenue (customer_id, current_arr, prev_month_arr, arr_growth_mom, arr_growth_yoy, first_payment_date,
                              last_payment_date, ltv, total_paid, total_invoices, avg_payment_delay, as_of_date)
SELECT pg_temp.cid(i), 6000, 5900, 1.7, 12, (:'today')::date - 700, (:'today')::date - 10, 40000, 30000, 10, 3.5,
       (:'today')::date
FROM generate_series(1, :customers) AS i;

INSERT INTO arr_history (customer_id, month, arr)
SELECT pg_temp.cid(i), (date_trunc('month', (:'today')::date)::date - make_interval(months => m))::date, 5000 + 40 * (24 - m)
FROM generate_series(1, :customers) AS i, generate_series(0, 23) AS m;

INSERT INTO customer_health (customer_id, health_score, nps_score, csat_score, support_ticket_count_30d,
                             avg_resolution_time_hours, churn_risk_score, as_of_date)
SELECT pg_temp.cid(i), i % 101, (i % 201) - 100, i % 101, i % 12, 4 + i % 40, (i * 7) % 101, (:'today')::date
FROM generate_series(1, :customers) AS i;

INSERT INTO health_breakdown (customer_id, component, score, weight)
SELECT pg_temp.cid(i), c.name, (i + c.n * 13) % 101, c.weight
FROM generate_series(1, :customers) AS i,
     (VALUES (1, 'Product usage', 0.30), (2, 'Support', 0.20), (3, 'Engagement', 0.20), (4, 'Financial', 0.15),
             (5, 'Sentiment', 0.15)) AS c (n, name, weight);

INSERT INTO health_history (customer_id, snapshot_date, score)
SELECT pg_temp.cid(i), (date_trunc('month', (:'today')::date)::date - make_interval(months => m))::date, (i + m) % 101
FROM generate_series(1, :customers) AS i, generate_series(0, 11) AS m;

INSERT INTO activities (activity_id, customer_id, activity_date, type, subject, owner_id, outcome)
SELECT 'A' || i, pg_temp.cid(pg_temp.skewed(:customers)), (:'today')::date - floor(random() * 1095)::integer,
       (ARRAY['meeting', 'call', 'email', 'ticket', 'note', 'other'])[1 + i % 6],
       (ARRAY['QBR preparation', 'Renewal check-in', 'Pricing follow-up', 'SSO login failures', 'Onboarding session'])[1 + i % 5]
         || ' #' || i,
       'U' || lpad((1 + i % 400)::text, 4, '0'),
       CASE WHEN i % 5 = 0 THEN NULL ELSE (ARRAY['Agreed agenda', 'Budget pending', 'Resolved', 'Follow-up scheduled'])[1 + i % 4] END
FROM generate_series(1, :activities) AS i;

-- Every invoice is paid, one payment each, so invoices and payments have the same count.
INSERT INTO invoices (invoice_id, customer_id, issued_date, due_date, paid_date, amount, status)
SELECT 'INV' || i, pg_temp.cid(pg_temp.skewed(:customers)), issued, issued + 30, issued + 30 + (i % 20) - 5,
       1000 + i % 40000, 'paid'
FROM generate_series(1, :invoices) AS i, LATERAL (SELECT (:'today')::date - 40 - floor(random() * 1400)::integer AS issued) AS d;

INSERT INTO payments (payment_id, invoice_id, customer_id, payment_date, amount, days_late, method)
SELECT 'PAY' || substr(invoice_id, 4), invoice_id, customer_id, paid_date, amount, greatest(0, paid_date - due_date), 'wire'
FROM invoices;

INSERT INTO contacts (contact_id, customer_id, name, title, email, phone, role, is_primary, last_contacted)
SELECT 'CT' || i || '-' || n, pg_temp.cid(i), 'Contact ' || n, 'Title ' || n, 'contact' || n || '@c' || i || '.example.org',
       '+1 415 555 01' || lpad(n::text, 2, '0'), 'User', n = 1, (:'today')::date - (i * n) % 400
FROM generate_series(1, :customers) AS i, generate_series(1, 5) AS n;

INSERT INTO documents (document_id, customer_id, title, type, url, created_date, status)
SELECT 'D' || i, pg_temp.cid(pg_temp.skewed(:customers)), 'Document ' || i,
       (ARRAY['contract', 'proposal', 'invoice', 'other'])[1 + i % 4], 'https://docs.example.com/' || i || '.pdf',
       (:'today')::date - i % 2000, 'signed'
FROM generate_series(1, :customers * 10) AS i;

SET session_replication_role = origin;
