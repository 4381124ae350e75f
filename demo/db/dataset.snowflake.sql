-- Customer Profile 360: dataset query, Snowflake dialect. Tested on fakesnow 0.12 (an emulator that translates
-- Snowflake SQL to DuckDB), not on Snowflake itself, by e2e/engines/run-tests.sh; see docs/ENGINES.md.
-- The same row per customer as dataset.sql (PostgreSQL): every column of docs/CONTRACT.md, detail arrays in the
-- same order.
--
-- Each detail array is ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(...)) WITHIN GROUP (ORDER BY ...), aggregated per
-- customer and LEFT JOINed (Snowflake's correlated subqueries are limited). OBJECT_CONSTRUCT_KEEP_NULL, not
-- OBJECT_CONSTRUCT, which drops keys whose value is NULL. The connector returns ARRAY columns as JSON text.
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
  COALESCE(d_ah.arr_history, ARRAY_CONSTRUCT()) AS arr_history,

  COALESCE(d_inv.invoices, ARRAY_CONSTRUCT()) AS invoices,

  COALESCE(d_pay.payments, ARRAY_CONSTRUCT()) AS payments,

  COALESCE(d_pu.product_usage, ARRAY_CONSTRUCT()) AS product_usage,

  COALESCE(d_ut.usage_trend, ARRAY_CONSTRUCT()) AS usage_trend,

  COALESCE(d_hb.health_breakdown, ARRAY_CONSTRUCT()) AS health_breakdown,

  COALESCE(d_hh.health_history, ARRAY_CONSTRUCT()) AS health_history,

  COALESCE(d_act.activities, ARRAY_CONSTRUCT()) AS activities,

  COALESCE(d_ct.contacts, ARRAY_CONSTRUCT()) AS contacts,

  -- The contacts' e-mails and phones, apart: queried only with sensitive data on; joined to contacts by name.
  COALESCE(d_ct.contact_details, ARRAY_CONSTRUCT()) AS contact_details,

  COALESCE(d_doc.documents, ARRAY_CONSTRUCT()) AS documents

FROM customers c
LEFT JOIN users u ON u.user_id = c.csm_id
LEFT JOIN customer_revenue r ON r.customer_id = c.customer_id
LEFT JOIN customer_health h ON h.customer_id = c.customer_id
LEFT JOIN contracts k ON k.customer_id = c.customer_id AND k.status = 'active'
LEFT JOIN (
  SELECT
    s.customer_id,
    LISTAGG(pr.product_name, ', ') WITHIN GROUP (ORDER BY pr.sort_order) AS active_products,
    COUNT(*)                                                            AS product_count,
    MAX(pu.last_active_date)                                            AS last_active_date,
    -- Snowflake's AVG of a NUMBER is exact; the cast keeps the rounding exact where it is not (fakesnow: a
    -- DOUBLE, and 64.35 would round to 64.3).
    ROUND(CAST(AVG(pu.feature_adoption) AS NUMBER(9, 4)), 1)            AS avg_feature_adoption
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
LEFT JOIN (
  SELECT
    ah.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'month', ah.month,
           'arr', ah.arr))
      WITHIN GROUP (ORDER BY ah.month) AS arr_history
  FROM arr_history ah
  GROUP BY ah.customer_id
) d_ah ON d_ah.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    i.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'invoice_id', i.invoice_id,
           'issued_date', i.issued_date,
           'due_date', i.due_date,
           'paid_date', i.paid_date,
           'amount', i.amount,
           'status', i.status))
      WITHIN GROUP (ORDER BY i.issued_date DESC, i.invoice_id DESC) AS invoices
  FROM invoices i
  GROUP BY i.customer_id
) d_inv ON d_inv.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    pm.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'payment_date', pm.payment_date,
           'amount', pm.amount,
           'days_late', pm.days_late))
      WITHIN GROUP (ORDER BY pm.payment_date DESC, pm.payment_id DESC) AS payments
  FROM payments pm
  GROUP BY pm.customer_id
) d_pay ON d_pay.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    s.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'product_name', pr.product_name,
           'status', s.status,
           'licenses', s.licenses,
           'active_users', pu.active_users,
           'feature_adoption', pu.feature_adoption,
           'last_active_date', pu.last_active_date))
      WITHIN GROUP (ORDER BY CASE s.status WHEN 'active' THEN 0 WHEN 'trial' THEN 1 ELSE 2 END, pr.sort_order) AS product_usage
  FROM subscriptions s
  JOIN products pr ON pr.product_id = s.product_id
  LEFT JOIN product_usage pu ON pu.customer_id = s.customer_id AND pu.product_id = s.product_id
  GROUP BY s.customer_id
) d_pu ON d_pu.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    ut.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'date', ut.usage_date,
           'active_users', ut.active_users))
      WITHIN GROUP (ORDER BY ut.usage_date) AS usage_trend
  FROM usage_trend ut
  GROUP BY ut.customer_id
) d_ut ON d_ut.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    hb.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'component', hb.component,
           'score', hb.score,
           'weight', hb.weight))
      WITHIN GROUP (ORDER BY hb.weight DESC, hb.component) AS health_breakdown
  FROM health_breakdown hb
  GROUP BY hb.customer_id
) d_hb ON d_hb.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    hh.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'date', hh.snapshot_date,
           'score', hh.score))
      WITHIN GROUP (ORDER BY hh.snapshot_date) AS health_history
  FROM health_history hh
  GROUP BY hh.customer_id
) d_hh ON d_hh.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    a.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'activity_id', a.activity_id,
           'activity_date', a.activity_date,
           'type', a.type,
           'subject', a.subject,
           'owner', ou.name,
           'outcome', a.outcome))
      WITHIN GROUP (ORDER BY a.activity_date DESC, a.activity_id DESC) AS activities
  FROM activities a
  LEFT JOIN users ou ON ou.user_id = a.owner_id
  GROUP BY a.customer_id
) d_act ON d_act.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    ct.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'name', ct.name,
           'title', ct.title,
           'role', ct.role,
           'is_primary', ct.is_primary,
           'last_contacted', ct.last_contacted))
      WITHIN GROUP (ORDER BY ct.is_primary DESC, ct.name, ct.contact_id) AS contacts,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL('name', ct.name, 'email', ct.email, 'phone', ct.phone))
      WITHIN GROUP (ORDER BY ct.is_primary DESC, ct.name, ct.contact_id) AS contact_details
  FROM contacts ct
  GROUP BY ct.customer_id
) d_ct ON d_ct.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    d.customer_id,
    ARRAY_AGG(OBJECT_CONSTRUCT_KEEP_NULL(
           'title', d.title,
           'type', d.type,
           'url', d.url,
           'created_date', d.created_date,
           'status', d.status))
      WITHIN GROUP (ORDER BY d.created_date DESC, d.document_id DESC) AS documents
  FROM documents d
  GROUP BY d.customer_id
) d_doc ON d_doc.customer_id = c.customer_id
