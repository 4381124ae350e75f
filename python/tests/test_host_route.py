"""Superset 4.1 and 5.0 (Flask-AppBuilder 4) serve /dynamic-plugins/api/read themselves; 6.x do not."""
import json
from importlib import metadata
from pathlib import Path

import pytest

from conftest import ADMIN, REPO, login

LIST = "/dynamic-plugins/api/read"
HOST_ENDPOINT = "DynamicPluginsView.api_read"


def _has_host_route(app):
    return HOST_ENDPOINT in app.view_functions


def test_ours_is_the_route_that_answers(app):
    endpoint, _ = app.url_map.bind("localhost").match(LIST, method="GET")
    assert endpoint == "customer_profile_plugin.read_plugins"


def test_where_the_host_serves_the_route_our_answer_keeps_its_rows(app, client, manage_plugins_rows):
    if not _has_host_route(app):
        pytest.skip("this Superset has no api/read of its own (Flask-AppBuilder 5)")
    manage_plugins_rows("Other Chart", "other_chart", "https://cdn.example.org/other.js")
    manage_plugins_rows("Third Chart", "third_chart", "/static/third.js")
    login(client, ADMIN)
    # The host's own answer, from its own view function, for the same admin.
    with app.test_request_context(LIST):
        from flask import g
        from flask_login import login_user
        from superset import security_manager

        user = security_manager.find_user(username=ADMIN[0])
        login_user(user)
        g.user = user
        host = app.view_functions[HOST_ENDPOINT]()
    host_body = json.loads(host.get_data(as_text=True))
    host_rows = [(r["key"], r["name"], r["bundle_url"]) for r in host_body["result"]]
    assert sorted(host_rows) == [
        ("other_chart", "Other Chart", "https://cdn.example.org/other.js"),
        ("third_chart", "Third Chart", "/static/third.js"),
    ]
    ours = [(r["key"], r["name"], r["bundle_url"]) for r in client.get(LIST).get_json()["result"]]
    assert ours[0][0] == "customer_profile"
    assert sorted(ours[1:]) == sorted(host_rows)


def test_manage_plugins_itself_still_works_for_the_admin(client):
    login(client, ADMIN)
    response = client.get("/dynamic-plugins/list/")
    assert response.status_code == 200


def test_the_wheel_carries_the_npm_package_version():
    package = json.loads((REPO / "package.json").read_text("utf-8"))
    from superset_customer_profile import package_version

    assert metadata.version("superset-plugin-chart-customer-profile") == package["version"]
    assert package_version() == package["version"]
