-- Customer Profile 360: dataset query, MySQL dialect (MySQL 8.0, MariaDB 10.5+).
-- The same row per customer as dataset.sql (PostgreSQL): every column of docs/CONTRACT.md, detail arrays in the
-- same order. Tested on MariaDB 10.11 by e2e/engines/run-tests.sh; see docs/ENGINES.md.
--
-- Detail arrays are GROUP_CONCAT(JSON_OBJECT(...) ORDER BY ...) wrapped in '[' ']', because MySQL 8's
-- JSON_ARRAYAGG takes no ORDER BY (MariaDB's does) and an ORDER BY in a derived table is not kept (MariaDB drops
-- it). GROUP_CONCAT stops at group_concat_max_len: MariaDB's default (1 MB) holds the demo; MySQL's default is
-- 1024 bytes, so raise it (server-wide, or in Superset's engine parameters:
-- {"connect_args": {"init_command": "SET SESSION group_concat_max_len = 16777216"}}). A cut array is broken
-- JSON, which the chart reports as unreadable; it never shows a partial list as complete.
-- No LATERAL (MariaDB has none): the product and activity roll-ups are grouped derived tables, joined.
-- Text ordering (contacts by name) follows the column collation; the demo loads utf8mb4_bin, PostgreSQL's "C".
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
  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT('month', ah.month, 'arr', ah.arr) ORDER BY ah.month SEPARATOR ','), ']')
    FROM arr_history ah
    WHERE ah.customer_id = c.customer_id
  ), '[]') AS arr_history,

  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT(
             'invoice_id', i.invoice_id,
             'issued_date', i.issued_date,
             'due_date', i.due_date,
             'paid_date', i.paid_date,
             'amount', i.amount,
             'status', i.status)
           ORDER BY i.issued_date DESC, i.invoice_id DESC SEPARATOR ','), ']')
    FROM invoices i
    WHERE i.customer_id = c.customer_id
  ), '[]') AS invoices,

  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT(
             'payment_date', pm.payment_date,
             'amount', pm.amount,
             'days_late', pm.days_late)
           ORDER BY pm.payment_date DESC, pm.payment_id DESC SEPARATOR ','), ']')
    FROM payments pm
    WHERE pm.customer_id = c.customer_id
  ), '[]') AS payments,

  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT(
             'product_name', pr.product_name,
             'status', s.status,
             'licenses', s.licenses,
             'active_users', pu.active_users,
             'feature_adoption', pu.feature_adoption,
             'last_active_date', pu.last_active_date)
           ORDER BY CASE s.status WHEN 'active' THEN 0 WHEN 'trial' THEN 1 ELSE 2 END, pr.sort_order SEPARATOR ','), ']')
    FROM subscriptions s
    JOIN products pr ON pr.product_id = s.product_id
    LEFT JOIN product_usage pu ON pu.customer_id = s.customer_id AND pu.product_id = s.product_id
    WHERE s.customer_id = c.customer_id
  ), '[]') AS product_usage,

  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT('date', ut.usage_date, 'active_users', ut.active_users)
           ORDER BY ut.usage_date SEPARATOR ','), ']')
    FROM usage_trend ut
    WHERE ut.customer_id = c.customer_id
  ), '[]') AS usage_trend,

  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT('component', hb.component, 'score', hb.score, 'weight', hb.weight)
           ORDER BY hb.weight DESC, hb.component SEPARATOR ','), ']')
    FROM health_breakdown hb
    WHERE hb.customer_id = c.customer_id
  ), '[]') AS health_breakdown,

  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT('date', hh.snapshot_date, 'score', hh.score)
           ORDER BY hh.snapshot_date SEPARATOR ','), ']')
    FROM health_history hh
    WHERE hh.customer_id = c.customer_id
  ), '[]') AS health_history,

  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT(
             'activity_id', a.activity_id,
             'activity_date', a.activity_date,
             'type', a.type,
             'subject', a.subject,
             'owner', ou.name,
             'outcome', a.outcome)
           ORDER BY a.activity_date DESC, a.activity_id DESC SEPARATOR ','), ']')
    FROM activities a
    LEFT JOIN users ou ON ou.user_id = a.owner_id
    WHERE a.customer_id = c.customer_id
  ), '[]') AS activities,

  -- is_primary is a BOOLEAN, which MySQL stores as TINYINT: JSON_OBJECT writes 1 / 0 (the chart reads both).
  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT(
             'name', ct.name,
             'title', ct.title,
             'role', ct.role,
             'is_primary', ct.is_primary,
             'last_contacted', ct.last_contacted)
           ORDER BY ct.is_primary DESC, ct.name, ct.contact_id SEPARATOR ','), ']')
    FROM contacts ct
    WHERE ct.customer_id = c.customer_id
  ), '[]') AS contacts,

  -- The contacts' e-mails and phones, apart: queried only with sensitive data on; joined to contacts by name.
  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT('name', ct.name, 'email', ct.email, 'phone', ct.phone)
           ORDER BY ct.is_primary DESC, ct.name, ct.contact_id SEPARATOR ','), ']')
    FROM contacts ct
    WHERE ct.customer_id = c.customer_id
  ), '[]') AS contact_details,

  COALESCE((
    SELECT CONCAT('[', GROUP_CONCAT(JSON_OBJECT(
             'title', d.title,
             'type', d.type,
             'url', d.url,
             'created_date', d.created_date,
             'status', d.status)
           ORDER BY d.created_date DESC, d.document_id DESC SEPARATOR ','), ']')
    FROM documents d
    WHERE d.customer_id = c.customer_id
  ), '[]') AS documents

FROM customers c
LEFT JOIN users u ON u.user_id = c.csm_id
LEFT JOIN customer_revenue r ON r.customer_id = c.customer_id
LEFT JOIN customer_health h ON h.customer_id = c.customer_id
LEFT JOIN contracts k ON k.customer_id = c.customer_id AND k.status = 'active'
LEFT JOIN (
  SELECT
    s.customer_id,
    GROUP_CONCAT(pr.product_name ORDER BY pr.sort_order SEPARATOR ', ') AS active_products,
    COUNT(*)                                                          AS product_count,
    MAX(pu.last_active_date)                                          AS last_active_date,
    ROUND(AVG(pu.feature_adoption), 1)                                AS avg_feature_adoption
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
