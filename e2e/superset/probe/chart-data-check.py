"""REST check: does Superset 6.1 accept an unknown viz_type ('customer_profile')?

1. POST /api/v1/chart/data with a query context over the virtual dataset and
   form_data.viz_type='customer_profile'; prints the response shape.
2. POST /api/v1/chart/ creating a saved chart with that viz_type, then
   GET /api/v1/explore/?slice_id=... (what the explore page loads).
Env: SUPERSET_URL, DATASET_ID (default: $SUPERSET_HOME/dataset.json), VIZ_TYPE.
Run with the Superset venv's python (has requests).
"""
import json
import os
import sys

import requests

BASE = os.environ.get("SUPERSET_URL", "http://127.0.0.1:8088")
VIZ = os.environ.get("VIZ_TYPE", "customer_profile")
home = os.environ.get("SUPERSET_HOME", "/tmp/superset-home")
ds_info = json.load(open(os.path.join(home, "dataset.json")))
DS = int(os.environ.get("DATASET_ID", ds_info["dataset_id"]))
COLUMNS = (os.environ.get("COLUMNS") or ",".join(ds_info["columns"])).split(",")

s = requests.Session()
r = s.post(f"{BASE}/api/v1/security/login",
           json={"username": "admin", "password": "admin", "provider": "db", "refresh": True})
r.raise_for_status()
s.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
r = s.get(f"{BASE}/api/v1/security/csrf_token/")  # harmless when CSRF is off
if r.ok:
    s.headers["X-CSRFToken"] = r.json()["result"]
    s.headers["Referer"] = BASE

form_data = {"viz_type": VIZ, "datasource": f"{DS}__table", "groupby": COLUMNS, "row_limit": 10}
query_context = {
    "datasource": {"id": DS, "type": "table"},
    "force": False,
    "queries": [{
        "columns": COLUMNS, "metrics": [], "orderby": [], "row_limit": 10, "filters": [],
        "extras": {"where": "", "having": ""}, "url_params": {}, "custom_params": {},
        "annotation_layers": [], "applied_time_extras": {}, "series_columns": [],
        "time_range": "No filter",
    }],
    "form_data": form_data,
    "result_format": "json",
    "result_type": "full",
}
out = {}
# The brief's payload has metrics: [] -> Superset treats it as an aggregate query
# (need_groupby = metrics is not None) and GROUPs BY every column, which PostgreSQL
# refuses for a `json` column. metrics: null (omitted) is the raw-records query.
r = s.post(f"{BASE}/api/v1/chart/data", json=query_context)
out["metrics_empty_list_status"] = r.status_code
if not r.ok:
    out["metrics_empty_list_error"] = r.json().get("message", r.text)[:300]
    sql = s.post(f"{BASE}/api/v1/chart/data", json={**query_context, "result_type": "query"})
    if sql.ok:
        out["metrics_empty_list_sql_tail"] = sql.json()["result"][0]["query"][-220:]
query_context["queries"][0]["metrics"] = None
r = s.post(f"{BASE}/api/v1/chart/data", json=query_context)
out["chart_data_status"] = r.status_code
body = r.json()
if r.ok:
    q = body["result"][0]
    out["result0_keys"] = sorted(q.keys())
    out["colnames"] = q.get("colnames")
    out["coltypes"] = q.get("coltypes")  # GenericDataType: 0 NUMERIC, 1 STRING, 2 TEMPORAL, 3 BOOLEAN
    out["rowcount"] = q.get("rowcount")
    out["first_row"] = (q.get("data") or [None])[0]
    out["python_types_first_row"] = {k: type(v).__name__ for k, v in (out["first_row"] or {}).items()}
else:
    out["chart_data_error"] = body

r = s.post(f"{BASE}/api/v1/chart/", json={
    "slice_name": f"E2E {VIZ} probe", "viz_type": VIZ, "datasource_id": DS, "datasource_type": "table",
    "params": json.dumps(form_data), "query_context": json.dumps(query_context),
})
out["create_chart_status"] = r.status_code
if r.status_code == 201:
    cid = r.json()["id"]
    out["chart_id"] = cid
    r = s.get(f"{BASE}/api/v1/explore/", params={"slice_id": cid})
    out["explore_api_status"] = r.status_code
    if r.ok:
        res = r.json()["result"]
        out["explore_form_data_viz_type"] = res["form_data"].get("viz_type")
    r = s.get(f"{BASE}/api/v1/chart/{cid}/data/")
    out["saved_chart_data_status"] = r.status_code
else:
    out["create_chart_error"] = r.text[:500]
print(json.dumps(out, indent=2, default=str))
sys.exit(0 if out["chart_data_status"] == 200 and out["create_chart_status"] == 201 else 1)
