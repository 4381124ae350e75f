"""Create/refresh the virtual dataset over the "Customer 360 demo" database.

Runs inside Superset's app (Flask test client, no server needed) and goes
through the real REST API (/api/v1/security/login JWT -> /api/v1/dataset/).
Idempotent: an existing dataset with the same name gets its SQL updated and
its columns refreshed.
Env: DEMO_DB_NAME, DEMO_DATASET_NAME, DATASET_SQL (file; optional).
"""
import json
import os
import sys

# Used when demo/db/dataset.sql does not exist yet: needs no tables, but has a
# date, a numeric and a JSON column so the chart-data API shape can be checked.
FALLBACK_SQL = """SELECT 'C-001'::text AS customer_id,
       'Acme Corp'::text AS customer_name,
       DATE '2021-03-15' AS customer_since,
       TIMESTAMP '2024-05-01 10:30:00' AS last_interaction_date,
       125000.50::numeric AS current_arr,
       '[{"month":"2024-01-01","arr":100000},{"month":"2024-02-01","arr":125000.5}]'::json AS arr_history,
       '[{"name":"Ann","is_primary":true}]'::jsonb AS contacts"""


def main() -> int:
    from superset.app import create_app

    app = create_app()
    db_name = os.environ.get("DEMO_DB_NAME", "Customer 360 demo")
    ds_name = os.environ.get("DEMO_DATASET_NAME", "customer_profile_360")
    sql_file = os.environ.get("DATASET_SQL") or ""
    sql = open(sql_file, encoding="utf-8").read().strip() if sql_file else FALLBACK_SQL
    sql = sql.rstrip().rstrip(";")

    with app.app_context():
        from superset.connectors.sqla.models import SqlaTable
        from superset.extensions import db
        from superset.models.core import Database

        database_id = db.session.query(Database).filter_by(database_name=db_name).one().id
        existing = db.session.query(SqlaTable).filter_by(table_name=ds_name).one_or_none()
        existing_id = existing.id if existing else None
        db.session.remove()

    # Requests run outside the app context above so each gets its own g/session.
    client = app.test_client()
    res = client.post(
        "/api/v1/security/login",
        json={"username": "admin", "password": "admin", "provider": "db", "refresh": False},
    )
    if res.status_code != 200:
        print("login failed", res.status_code, res.get_data(as_text=True), file=sys.stderr)
        return 1
    headers = {"Authorization": f"Bearer {res.get_json()['access_token']}"}

    if existing_id is None:
        res = client.post(
            "/api/v1/dataset/",
            headers=headers,
            json={"database": database_id, "schema": "public", "table_name": ds_name, "sql": sql},
        )
        if res.status_code != 201:
            print("create dataset failed", res.status_code, res.get_data(as_text=True), file=sys.stderr)
            return 1
        ds_id = res.get_json()["id"]
    else:
        ds_id = existing_id
        res = client.put(f"/api/v1/dataset/{ds_id}", headers=headers, json={"sql": sql})
        if res.status_code != 200:
            print("update dataset failed", res.status_code, res.get_data(as_text=True), file=sys.stderr)
            return 1
    res = client.put(f"/api/v1/dataset/{ds_id}/refresh", headers=headers)
    if res.status_code != 200:
        print("refresh dataset failed", res.status_code, res.get_data(as_text=True), file=sys.stderr)
        return 1
    cols = client.get(f"/api/v1/dataset/{ds_id}", headers=headers).get_json()["result"]["columns"]
    info = {
        "dataset_id": ds_id,
        "dataset": ds_name,
        "database_id": database_id,
        "sql_source": sql_file or "built-in fallback",
        "columns": [c["column_name"] for c in cols],
    }
    print(json.dumps(info))
    with open(os.path.join(os.environ.get("SUPERSET_HOME", "/tmp/superset-home"), "dataset.json"), "w") as fh:
        json.dump(info, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
