"""Superset 4.1 and 5.0 (Flask-AppBuilder 4) serve /dynamic-plugins/api/read themselves; 6.x do not. Ours is the
route that answers in every version."""
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


def _host_answer(app):
    """The host's own answer, from its own view function, for the admin."""
    with app.test_request_context(LIST):
        from flask import g
        from flask_login import login_user
        from superset import security_manager

        user = security_manager.find_user(username=ADMIN[0])
        login_user(user)
        g.user = user
        host = app.view_functions[HOST_ENDPOINT]()
    body = json.loads(host.get_data(as_text=True))
    return sorted((r["key"], r["name"], r["bundle_url"]) for r in body["result"])


def _rows(client):
    return [(r["key"], r["name"], r["bundle_url"]) for r in client.get(LIST).get_json()["result"]]


def test_where_the_host_serves_the_route_ours_answers_this_chart_alone_by_default(app, client, manage_plugins_rows):
    if not _has_host_route(app):
        pytest.skip("this Superset has no api/read of its own (Flask-AppBuilder 5)")
    manage_plugins_rows("Internal Chart", "internal_chart", "http://10.1.2.3:9000/internal.js?token=t")
    manage_plugins_rows("Third Chart", "third_chart", "/static/third.js")
    login(client, ADMIN)
    # The host's own view would have answered with both rows; the route answers with the package's list.
    assert [key for key, _, _ in _host_answer(app)] == ["internal_chart", "third_chart"]
    assert [key for key, _, _ in _rows(client)] == ["customer_profile"]


def test_where_the_host_serves_the_route_our_answer_keeps_its_allowed_rows_when_the_admin_adds_them(
    app, client, manage_plugins_rows, settings
):
    if not _has_host_route(app):
        pytest.skip("this Superset has no api/read of its own (Flask-AppBuilder 5)")
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True, CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS=["https://cdn.example.org"])
    manage_plugins_rows("Other Chart", "other_chart", "https://cdn.example.org/other.js")
    manage_plugins_rows("Third Chart", "third_chart", "/static/third.js")
    manage_plugins_rows("Internal Chart", "internal_chart", "http://10.1.2.3:9000/internal.js?token=t")
    login(client, ADMIN)
    host_rows = _host_answer(app)
    assert [key for key, _, _ in host_rows] == ["internal_chart", "other_chart", "third_chart"]
    ours = _rows(client)
    assert ours[0][0] == "customer_profile"
    # Every row of the host's answer but the one on an origin the admin did not allow.
    assert sorted(ours[1:]) == [row for row in host_rows if row[0] != "internal_chart"]


def test_manage_plugins_itself_still_works_for_the_admin(client):
    login(client, ADMIN)
    response = client.get("/dynamic-plugins/list/")
    assert response.status_code == 200


def test_the_wheel_carries_the_npm_package_version():
    package = json.loads((REPO / "package.json").read_text("utf-8"))
    from superset_customer_profile import package_version

    assert metadata.version("superset-plugin-chart-customer-profile") == package["version"]
    assert package_version() == package["version"]
