-- Customer Profile 360: dataset query (PostgreSQL).
-- One row per customer with every column of docs/CONTRACT.md. Paste it into
-- Superset (SQL Lab -> Save as dataset); Superset wraps it as a subquery and
-- adds the customer filter outside, so there is deliberately no WHERE here.
--
-- Aggregates and detail arrays come from LATERAL / correlated subqueries
-- rather than one big GROUP BY: joining activities, invoices, usage, ... at
-- once would multiply rows and make the counts wrong.
-- Series are oldest first (ready to chart); lists are newest first.
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

  -- Products (active subscriptions only)
  p.active_products,
  p.product_count,
  p.last_active_date,
  p.avg_feature_adoption,

  -- Activity
  act.total_interactions,
  act.last_interaction_date,

  -- Detail arrays
  COALESCE((
    SELECT json_agg(json_build_object('month', ah.month, 'arr', ah.arr) ORDER BY ah.month)
    FROM arr_history ah
    WHERE ah.customer_id = c.customer_id
  ), '[]'::json) AS arr_history,

  COALESCE((
    SELECT json_agg(json_build_object(
             'invoice_id', i.invoice_id,
             'issued_date', i.issued_date,
             'due_date', i.due_date,
             'paid_date', i.paid_date,
             'amount', i.amount,
             'status', i.status)
           ORDER BY i.issued_date DESC, i.invoice_id DESC)
    FROM invoices i
    WHERE i.customer_id = c.customer_id
  ), '[]'::json) AS invoices,

  COALESCE((
    SELECT json_agg(json_build_object(
             'payment_date', pm.payment_date,
             'amount', pm.amount,
             'days_late', pm.days_late)
           ORDER BY pm.payment_date DESC, pm.payment_id DESC)
    FROM payments pm
    WHERE pm.customer_id = c.customer_id
  ), '[]'::json) AS payments,

  COALESCE((
    SELECT json_agg(json_build_object(
             'product_name', pr.product_name,
             'status', s.status,
             'licenses', s.licenses,
             'active_users', pu.active_users,
             'feature_adoption', pu.feature_adoption,
             'last_active_date', pu.last_active_date)
           ORDER BY CASE s.status WHEN 'active' THEN 0 WHEN 'trial' THEN 1 ELSE 2 END, pr.sort_order)
    FROM subscriptions s
    JOIN products pr ON pr.product_id = s.product_id
    LEFT JOIN product_usage pu ON pu.customer_id = s.customer_id AND pu.product_id = s.product_id
    WHERE s.customer_id = c.customer_id
  ), '[]'::json) AS product_usage,

  COALESCE((
    SELECT json_agg(json_build_object('date', ut.usage_date, 'active_users', ut.active_users) ORDER BY ut.usage_date)
    FROM usage_trend ut
    WHERE ut.customer_id = c.customer_id
  ), '[]'::json) AS usage_trend,

  COALESCE((
    SELECT json_agg(json_build_object('component', hb.component, 'score', hb.score, 'weight', hb.weight)
           ORDER BY hb.weight DESC, hb.component)
    FROM health_breakdown hb
    WHERE hb.customer_id = c.customer_id
  ), '[]'::json) AS health_breakdown,

  COALESCE((
    SELECT json_agg(json_build_object('date', hh.snapshot_date, 'score', hh.score) ORDER BY hh.snapshot_date)
    FROM health_history hh
    WHERE hh.customer_id = c.customer_id
  ), '[]'::json) AS health_history,

  COALESCE((
    SELECT json_agg(json_build_object(
             'activity_id', a.activity_id,
             'activity_date', a.activity_date,
             'type', a.type,
             'subject', a.subject,
             'owner', ou.name,
             'outcome', a.outcome)
           ORDER BY a.activity_date DESC, a.activity_id DESC)
    FROM activities a
    LEFT JOIN users ou ON ou.user_id = a.owner_id
    WHERE a.customer_id = c.customer_id
  ), '[]'::json) AS activities,

  COALESCE((
    SELECT json_agg(json_build_object(
             'name', ct.name,
             'title', ct.title,
             'role', ct.role,
             'is_primary', ct.is_primary,
             'last_contacted', ct.last_contacted)
           ORDER BY ct.is_primary DESC, ct.name, ct.contact_id)
    FROM contacts ct
    WHERE ct.customer_id = c.customer_id
  ), '[]'::json) AS contacts,

  -- The contacts' e-mails and phones, apart: the chart queries this column only with sensitive data on. Joined to
  -- contacts by name, in the same order (a name repeated pairs up in order).
  COALESCE((
    SELECT json_agg(json_build_object('name', ct.name, 'email', ct.email, 'phone', ct.phone)
           ORDER BY ct.is_primary DESC, ct.name, ct.contact_id)
    FROM contacts ct
    WHERE ct.customer_id = c.customer_id
  ), '[]'::json) AS contact_details,

  COALESCE((
    SELECT json_agg(json_build_object(
             'title', d.title,
             'type', d.type,
             'url', d.url,
             'created_date', d.created_date,
             'status', d.status)
           ORDER BY d.created_date DESC, d.document_id DESC)
    FROM documents d
    WHERE d.customer_id = c.customer_id
  ), '[]'::json) AS documents

FROM customers c
LEFT JOIN users u ON u.user_id = c.csm_id
LEFT JOIN customer_revenue r ON r.customer_id = c.customer_id
LEFT JOIN customer_health h ON h.customer_id = c.customer_id
LEFT JOIN contracts k ON k.customer_id = c.customer_id AND k.status = 'active'
LEFT JOIN LATERAL (
  SELECT
    string_agg(pr.product_name, ', ' ORDER BY pr.sort_order) AS active_products,
    COUNT(*)::integer                                       AS product_count,
    MAX(pu.last_active_date)                                AS last_active_date,
    ROUND(AVG(pu.feature_adoption), 1)                      AS avg_feature_adoption
  FROM subscriptions s
  JOIN products pr ON pr.product_id = s.product_id
  LEFT JOIN product_usage pu ON pu.customer_id = s.customer_id AND pu.product_id = s.product_id
  WHERE s.customer_id = c.customer_id AND s.status = 'active'
) p ON true
LEFT JOIN LATERAL (
  SELECT
    COUNT(*)::integer    AS total_interactions,
    MAX(a.activity_date) AS last_interaction_date
  FROM activities a
  WHERE a.customer_id = c.customer_id
) act ON true
