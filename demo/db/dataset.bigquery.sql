-- Customer Profile 360: dataset query, BigQuery (GoogleSQL) dialect. Not run on BigQuery: e2e/engines/run-tests.sh
-- parses it with sqlglot's BigQuery dialect and runs sqlglot's DuckDB translation of it, which proves the syntax
-- parses and the logic gives the same rows, not BigQuery's own behaviour; see docs/ENGINES.md.
-- The same row per customer as dataset.sql (PostgreSQL): every column of docs/CONTRACT.md, detail arrays in the
-- same order. Tables are referenced unqualified: give the dataset as the connection's default, or qualify them
-- (`project.dataset.customers`).
--
-- Each detail array is TO_JSON_STRING(ARRAY_AGG(STRUCT(...) ORDER BY ...)) in a correlated subquery. ARRAY_AGG
-- over no rows is NULL, and TO_JSON_STRING(NULL) is the text 'null', hence IF(COUNT(*) = 0, '[]', ...).
SELECT
  -- Core
  c.customer_id,
  c.customer_name,
  c.legal_name,
  c.inn,
  c.segment,
  c.industry,
  c.region,
  c.city,
  c.address,
  c.phone,
  c.email,
  c.website,
  c.employee_count,
  c.created_date AS customer_since,

  -- CSM
  u.user_id AS csm_id,
  u.name    AS csm_name,
  u.email   AS csm_email,
  u.phone   AS csm_phone,

  -- Revenue
  r.current_arr,
  r.prev_month_arr,
  r.arr_growth_mom,
  r.arr_growth_yoy,
  r.first_payment_date,
  r.last_payment_date,
  r.ltv,
  r.total_paid,
  r.total_invoices,
  r.avg_payment_delay,

  -- Health
  h.health_score,
  h.nps_score,
  h.csat_score,
  h.support_ticket_count_30d,
  h.avg_resolution_time_hours,
  h.churn_risk_score,

  -- Renewal (the active contract)
  k.renewal_date,
  k.end_date    AS contract_end_date,
  k.term_months AS contract_term_months,

  -- Products (active subscriptions only); no active subscription: no names, a count of 0
  p.active_products,
  COALESCE(p.product_count, 0) AS product_count,
  p.last_active_date,
  p.avg_feature_adoption,

  -- Activity
  COALESCE(act.total_interactions, 0) AS total_interactions,
  act.last_interaction_date,

  -- Detail arrays
  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             ah.month AS month,
             ah.arr AS arr)
           ORDER BY ah.month)))
    FROM arr_history ah
    WHERE ah.customer_id = c.customer_id
  ) AS arr_history,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             i.invoice_id AS invoice_id,
             i.issued_date AS issued_date,
             i.due_date AS due_date,
             i.paid_date AS paid_date,
             i.amount AS amount,
             i.status AS status)
           ORDER BY i.issued_date DESC, i.invoice_id DESC)))
    FROM invoices i
    WHERE i.customer_id = c.customer_id
  ) AS invoices,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             pm.payment_date AS payment_date,
             pm.amount AS amount,
             pm.days_late AS days_late)
           ORDER BY pm.payment_date DESC, pm.payment_id DESC)))
    FROM payments pm
    WHERE pm.customer_id = c.customer_id
  ) AS payments,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             pr.product_name AS product_name,
             s.status AS status,
             s.licenses AS licenses,
             pu.active_users AS active_users,
             pu.feature_adoption AS feature_adoption,
             pu.last_active_date AS last_active_date)
           ORDER BY CASE s.status WHEN 'active' THEN 0 WHEN 'trial' THEN 1 ELSE 2 END, pr.sort_order)))
    FROM subscriptions s
    JOIN products pr ON pr.product_id = s.product_id
    LEFT JOIN product_usage pu ON pu.customer_id = s.customer_id AND pu.product_id = s.product_id
    WHERE s.customer_id = c.customer_id
  ) AS product_usage,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             ut.usage_date AS date,
             ut.active_users AS active_users)
           ORDER BY ut.usage_date)))
    FROM usage_trend ut
    WHERE ut.customer_id = c.customer_id
  ) AS usage_trend,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             hb.component AS component,
             hb.score AS score,
             hb.weight AS weight)
           ORDER BY hb.weight DESC, hb.component)))
    FROM health_breakdown hb
    WHERE hb.customer_id = c.customer_id
  ) AS health_breakdown,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             hh.snapshot_date AS date,
             hh.score AS score)
           ORDER BY hh.snapshot_date)))
    FROM health_history hh
    WHERE hh.customer_id = c.customer_id
  ) AS health_history,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             a.activity_id AS activity_id,
             a.activity_date AS activity_date,
             a.type AS type,
             a.subject AS subject,
             ou.name AS owner,
             a.outcome AS outcome)
           ORDER BY a.activity_date DESC, a.activity_id DESC)))
    FROM activities a
    LEFT JOIN users ou ON ou.user_id = a.owner_id
    WHERE a.customer_id = c.customer_id
  ) AS activities,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             ct.name AS name,
             ct.title AS title,
             ct.role AS role,
             ct.is_primary AS is_primary,
             ct.last_contacted AS last_contacted)
           ORDER BY ct.is_primary DESC, ct.name, ct.contact_id)))
    FROM contacts ct
    WHERE ct.customer_id = c.customer_id
  ) AS contacts,

  -- The contacts' e-mails and phones, apart: queried only with sensitive data on; joined to contacts by name.
  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             ct.name AS name,
             ct.email AS email,
             ct.phone AS phone)
           ORDER BY ct.is_primary DESC, ct.name, ct.contact_id)))
    FROM contacts ct
    WHERE ct.customer_id = c.customer_id
  ) AS contact_details,

  (
    SELECT IF(COUNT(*) = 0, '[]', TO_JSON_STRING(ARRAY_AGG(STRUCT(
             d.title AS title,
             d.type AS type,
             d.url AS url,
             d.created_date AS created_date,
             d.status AS status)
           ORDER BY d.created_date DESC, d.document_id DESC)))
    FROM documents d
    WHERE d.customer_id = c.customer_id
  ) AS documents

FROM customers c
LEFT JOIN users u ON u.user_id = c.csm_id
LEFT JOIN customer_revenue r ON r.customer_id = c.customer_id
LEFT JOIN customer_health h ON h.customer_id = c.customer_id
LEFT JOIN contracts k ON k.customer_id = c.customer_id AND k.status = 'active'
LEFT JOIN (
  SELECT
    s.customer_id,
    STRING_AGG(pr.product_name, ', ' ORDER BY pr.sort_order)            AS active_products,
    COUNT(*)                                                            AS product_count,
    MAX(pu.last_active_date)                                            AS last_active_date,
    -- BigQuery's AVG of a NUMERIC is a NUMERIC; the cast keeps the rounding exact where AVG is a FLOAT64
    -- (a FLOAT64 column, or the DuckDB translation: 64.35 would round to 64.3).
    ROUND(CAST(AVG(pu.feature_adoption) AS NUMERIC), 1)                 AS avg_feature_adoption
  FROM subscriptions s
  JOIN products pr ON pr.product_id = s.product_id
  LEFT JOIN product_usage pu ON pu.customer_id = s.customer_id AND pu.product_id = s.product_id
  WHERE s.status = 'active'
  GROUP BY s.customer_id
) p ON p.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    a.customer_id,
    COUNT(*)             AS total_interactions,
    MAX(a.activity_date) AS last_interaction_date
  FROM activities a
  GROUP BY a.customer_id
) act ON act.customer_id = c.customer_id
