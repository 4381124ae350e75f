-- Customer Profile 360: dataset query, ClickHouse dialect (ClickHouse 23.8+; tested on chDB 4.4 = ClickHouse
-- 26.9 by e2e/engines/run-tests.sh; see docs/ENGINES.md).
-- The same row per customer as dataset.sql (PostgreSQL): every column of docs/CONTRACT.md, detail arrays in the
-- same order.
--
-- No correlated subqueries: every roll-up and detail array is aggregated per customer, then LEFT JOINed.
-- Order: groupArray keeps no order, so each element is paired with its sort key and the array is sorted
-- (arraySort / arrayReverseSort on (key, json)), then the keys are dropped.
-- Each detail object is written with toJSONString per value (dates as "YYYY-MM-DD", decimals as numbers,
-- booleans as true/false); toJSONString(NULL) is NULL, hence ifNull(..., 'null') on nullable values.
-- join_use_nulls = 1: without it a LEFT JOIN that finds no row fills the column's default (0, 1970-01-01,
-- ''), which the chart would show as a real $0 or a 1970 renewal. SETTINGS is allowed inside the subquery that
-- Superset wraps a virtual dataset in.
SELECT
  -- Every column has its alias: a name found in two joined tables (customer_id, email, phone, region) would
  -- otherwise come out qualified, as c.email.

  -- Core
  c.customer_id AS customer_id,
  c.customer_name AS customer_name,
  c.legal_name AS legal_name,
  c.inn AS inn,
  c.segment AS segment,
  c.industry AS industry,
  c.region AS region,
  c.city AS city,
  c.address AS address,
  c.phone AS phone,
  c.email AS email,
  c.website AS website,
  c.employee_count AS employee_count,
  c.created_date AS customer_since,

  -- CSM
  u.user_id AS csm_id,
  u.name    AS csm_name,
  u.email   AS csm_email,
  u.phone   AS csm_phone,

  -- Revenue
  r.current_arr AS current_arr,
  r.prev_month_arr AS prev_month_arr,
  r.arr_growth_mom AS arr_growth_mom,
  r.arr_growth_yoy AS arr_growth_yoy,
  r.first_payment_date AS first_payment_date,
  r.last_payment_date AS last_payment_date,
  r.ltv AS ltv,
  r.total_paid AS total_paid,
  r.total_invoices AS total_invoices,
  r.avg_payment_delay AS avg_payment_delay,

  -- Health
  h.health_score AS health_score,
  h.nps_score AS nps_score,
  h.csat_score AS csat_score,
  h.support_ticket_count_30d AS support_ticket_count_30d,
  h.avg_resolution_time_hours AS avg_resolution_time_hours,
  h.churn_risk_score AS churn_risk_score,

  -- Renewal (the active contract)
  k.renewal_date AS renewal_date,
  k.end_date    AS contract_end_date,
  k.term_months AS contract_term_months,

  -- Products (active subscriptions only); no active subscription: no names, a count of 0
  p.active_products AS active_products,
  ifNull(p.product_count, 0) AS product_count,
  p.last_active_date AS last_active_date,
  p.avg_feature_adoption AS avg_feature_adoption,

  -- Activity
  ifNull(act.total_interactions, 0) AS total_interactions,
  act.last_interaction_date AS last_interaction_date,

  -- Detail arrays
  ifNull(d_ah.arr_history, '[]') AS arr_history,

  ifNull(d_inv.invoices, '[]') AS invoices,

  ifNull(d_pay.payments, '[]') AS payments,

  ifNull(d_pu.product_usage, '[]') AS product_usage,

  ifNull(d_ut.usage_trend, '[]') AS usage_trend,

  ifNull(d_hb.health_breakdown, '[]') AS health_breakdown,

  ifNull(d_hh.health_history, '[]') AS health_history,

  ifNull(d_act.activities, '[]') AS activities,

  ifNull(d_ct.contacts, '[]') AS contacts,

  -- The contacts' e-mails and phones, apart: queried only with sensitive data on; joined to contacts by name.
  ifNull(d_ct.contact_details, '[]') AS contact_details,

  ifNull(d_doc.documents, '[]') AS documents

FROM customers c
LEFT JOIN users u ON u.user_id = c.csm_id
LEFT JOIN customer_revenue r ON r.customer_id = c.customer_id
LEFT JOIN customer_health h ON h.customer_id = c.customer_id
LEFT JOIN (SELECT * FROM contracts WHERE status = 'active') k ON k.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    s.customer_id AS customer_id,
    arrayStringConcat(arrayMap(e -> e.2, arraySort(groupArray((pr.sort_order, pr.product_name)))), ', ')
                                       AS active_products,
    toInt32(count())                   AS product_count,
    max(pu.last_active_date)           AS last_active_date,
    -- avg() is a Float64 (64.35 would round to 64.3): an exact Decimal mean instead, NULL without usage rows.
    if(count(pu.feature_adoption) = 0, NULL,
       round(sum(toDecimal64(pu.feature_adoption, 4)) / count(pu.feature_adoption), 1))
                                       AS avg_feature_adoption
  FROM subscriptions s
  JOIN products pr ON pr.product_id = s.product_id
  LEFT JOIN product_usage pu ON pu.customer_id = s.customer_id AND pu.product_id = s.product_id
  WHERE s.status = 'active'
  GROUP BY s.customer_id
) p ON p.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    a.customer_id          AS customer_id,
    toInt32(count())       AS total_interactions,
    max(a.activity_date)   AS last_interaction_date
  FROM activities a
  GROUP BY a.customer_id
) act ON act.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    ah.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arraySort(groupArray((
      (ah.month),
      concat('{"month":', toJSONString(ah.month),
             ',"arr":', toJSONString(ah.arr),
             '}')
    )))), ','), ']') AS arr_history
  FROM arr_history ah
  GROUP BY ah.customer_id
) d_ah ON d_ah.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    i.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arrayReverseSort(groupArray((
      (i.issued_date, i.invoice_id),
      concat('{"invoice_id":', toJSONString(i.invoice_id),
             ',"issued_date":', toJSONString(i.issued_date),
             ',"due_date":', toJSONString(i.due_date),
             ',"paid_date":', ifNull(toJSONString(i.paid_date), 'null'),
             ',"amount":', toJSONString(i.amount),
             ',"status":', toJSONString(i.status),
             '}')
    )))), ','), ']') AS invoices
  FROM invoices i
  GROUP BY i.customer_id
) d_inv ON d_inv.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    pm.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arrayReverseSort(groupArray((
      (pm.payment_date, pm.payment_id),
      concat('{"payment_date":', toJSONString(pm.payment_date),
             ',"amount":', toJSONString(pm.amount),
             ',"days_late":', toJSONString(pm.days_late),
             '}')
    )))), ','), ']') AS payments
  FROM payments pm
  GROUP BY pm.customer_id
) d_pay ON d_pay.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    s.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arraySort(groupArray((
      (multiIf(s.status = 'active', 0, s.status = 'trial', 1, 2), pr.sort_order),
      concat('{"product_name":', toJSONString(pr.product_name),
             ',"status":', toJSONString(s.status),
             ',"licenses":', toJSONString(s.licenses),
             ',"active_users":', ifNull(toJSONString(pu.active_users), 'null'),
             ',"feature_adoption":', ifNull(toJSONString(pu.feature_adoption), 'null'),
             ',"last_active_date":', ifNull(toJSONString(pu.last_active_date), 'null'),
             '}')
    )))), ','), ']') AS product_usage
  FROM subscriptions s
    JOIN products pr ON pr.product_id = s.product_id
    LEFT JOIN product_usage pu ON pu.customer_id = s.customer_id AND pu.product_id = s.product_id
  GROUP BY s.customer_id
) d_pu ON d_pu.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    ut.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arraySort(groupArray((
      (ut.usage_date),
      concat('{"date":', toJSONString(ut.usage_date),
             ',"active_users":', toJSONString(ut.active_users),
             '}')
    )))), ','), ']') AS usage_trend
  FROM usage_trend ut
  GROUP BY ut.customer_id
) d_ut ON d_ut.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    hb.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arraySort(groupArray((
      (negate(hb.weight), hb.component),
      concat('{"component":', toJSONString(hb.component),
             ',"score":', toJSONString(hb.score),
             ',"weight":', toJSONString(hb.weight),
             '}')
    )))), ','), ']') AS health_breakdown
  FROM health_breakdown hb
  GROUP BY hb.customer_id
) d_hb ON d_hb.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    hh.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arraySort(groupArray((
      (hh.snapshot_date),
      concat('{"date":', toJSONString(hh.snapshot_date),
             ',"score":', toJSONString(hh.score),
             '}')
    )))), ','), ']') AS health_history
  FROM health_history hh
  GROUP BY hh.customer_id
) d_hh ON d_hh.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    a.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arrayReverseSort(groupArray((
      (a.activity_date, a.activity_id),
      concat('{"activity_id":', toJSONString(a.activity_id),
             ',"activity_date":', toJSONString(a.activity_date),
             ',"type":', toJSONString(a.type),
             ',"subject":', toJSONString(a.subject),
             ',"owner":', ifNull(toJSONString(ou.name), 'null'),
             ',"outcome":', ifNull(toJSONString(a.outcome), 'null'),
             '}')
    )))), ','), ']') AS activities
  FROM activities a
    LEFT JOIN users ou ON ou.user_id = a.owner_id
  GROUP BY a.customer_id
) d_act ON d_act.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    ct.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arraySort(groupArray((
      (toUInt8(NOT ct.is_primary), ct.name, ct.contact_id),
      concat('{"name":', toJSONString(ct.name),
             ',"title":', ifNull(toJSONString(ct.title), 'null'),
             ',"role":', ifNull(toJSONString(ct.role), 'null'),
             ',"is_primary":', toJSONString(ct.is_primary),
             ',"last_contacted":', ifNull(toJSONString(ct.last_contacted), 'null'),
             '}')
    )))), ','), ']') AS contacts,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arraySort(groupArray((
      (toUInt8(NOT ct.is_primary), ct.name, ct.contact_id),
      concat('{"name":', toJSONString(ct.name),
             ',"email":', ifNull(toJSONString(ct.email), 'null'),
             ',"phone":', ifNull(toJSONString(ct.phone), 'null'),
             '}')
    )))), ','), ']') AS contact_details
  FROM contacts ct
  GROUP BY ct.customer_id
) d_ct ON d_ct.customer_id = c.customer_id
LEFT JOIN (
  SELECT
    d.customer_id AS customer_id,
    concat('[', arrayStringConcat(arrayMap(e -> e.2, arrayReverseSort(groupArray((
      (d.created_date, d.document_id),
      concat('{"title":', toJSONString(d.title),
             ',"type":', toJSONString(d.type),
             ',"url":', toJSONString(d.url),
             ',"created_date":', toJSONString(d.created_date),
             ',"status":', ifNull(toJSONString(d.status), 'null'),
             '}')
    )))), ','), ']') AS documents
  FROM documents d
  GROUP BY d.customer_id
) d_doc ON d_doc.customer_id = c.customer_id
SETTINGS join_use_nulls = 1
