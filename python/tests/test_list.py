"""GET /dynamic-plugins/api/read: who gets the list, and what it holds (this chart alone, unless the admin adds the
rows of Manage > Plugins with CUSTOMER_PROFILE_EXTRA_PLUGINS; test_extra_plugins.py has which rows then)."""
import re

import pytest

from conftest import ADMIN, GAMMA, NOBODY, login

LIST = "/dynamic-plugins/api/read"
OURS_URL = re.compile(r"^/customer-profile/static/customer-profile\.[0-9a-f]{16}\.js$")
# The row of the issue: an internal bundle URL with a token, which came back to Gamma and to a guest.
INTERNAL_ROW = ("Internal chart", "internal_chart", "http://10.1.2.3:9000/internal.js?token=cp360-row-secret")


def _result(response):
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["result"]


def test_the_chart_alone_when_manage_plugins_is_empty(client):
    login(client, ADMIN)
    result = _result(client.get(LIST))
    assert len(result) == 1
    assert result[0]["key"] == "customer_profile"
    assert result[0]["name"] == "Customer Profile 360"
    assert OURS_URL.match(result[0]["bundle_url"]), result[0]["bundle_url"]


def test_by_default_manage_plugins_rows_are_not_listed(client, manage_plugins_rows):
    manage_plugins_rows(*INTERNAL_ROW)
    manage_plugins_rows("Third Chart", "third_chart", "/static/third.js")
    login(client, ADMIN)
    response = client.get(LIST)
    assert [p["key"] for p in _result(response)] == ["customer_profile"]
    assert response.get_json()["count"] == 1
    text = response.get_data(as_text=True)
    assert "10.1.2.3" not in text and "cp360-row-secret" not in text and "third" not in text


def test_manage_plugins_rows_follow_the_chart_in_their_order_when_the_admin_adds_them(
    client, manage_plugins_rows, settings
):
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True, CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS=["https://cdn.example.org"])
    manage_plugins_rows("Other Chart", "other_chart", "https://cdn.example.org/other.js")
    manage_plugins_rows("Third Chart", "third_chart", "/static/third.js")
    login(client, ADMIN)
    result = _result(client.get(LIST))
    assert [p["key"] for p in result] == ["customer_profile", "other_chart", "third_chart"]
    assert result[1] == {"key": "other_chart", "name": "Other Chart", "bundle_url": "https://cdn.example.org/other.js"}
    assert result[2]["bundle_url"] == "/static/third.js"


@pytest.mark.parametrize("value", [1, "True", "yes", [True]])
def test_only_true_adds_the_rows(client, manage_plugins_rows, settings, value):
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=value)
    manage_plugins_rows("Third Chart", "third_chart", "/static/third.js")
    login(client, ADMIN)
    assert [p["key"] for p in _result(client.get(LIST))] == ["customer_profile"]


def test_only_keys_names_and_bundle_urls_are_revealed(client, manage_plugins_rows, settings):
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True)
    manage_plugins_rows("Other Chart", "other_chart", "/static/other.js")
    login(client, ADMIN)
    body = client.get(LIST).get_json()
    assert set(body) <= {"result", "count"}
    assert body["count"] == len(body["result"]) == 2
    for plugin in body["result"]:
        assert set(plugin) == {"key", "name", "bundle_url"}


def test_a_manage_plugins_row_under_our_key_does_not_load_a_second_bundle(client, manage_plugins_rows, settings):
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True, CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS=["https://cdn.example.org"])
    manage_plugins_rows("Old Customer Profile", "customer_profile", "https://cdn.example.org/old.js")
    login(client, ADMIN)
    result = _result(client.get(LIST))
    assert [p["key"] for p in result] == ["customer_profile"]
    assert OURS_URL.match(result[0]["bundle_url"])


def test_a_gamma_user_gets_this_chart_alone(client, manage_plugins_rows):
    manage_plugins_rows(*INTERNAL_ROW)
    login(client, GAMMA)
    response = client.get(LIST)
    assert [p["key"] for p in _result(response)] == ["customer_profile"]
    assert "10.1.2.3" not in response.get_data(as_text=True)


def test_a_gamma_user_gets_the_rows_the_admin_added(client, manage_plugins_rows, settings):
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True)
    manage_plugins_rows("Other Chart", "other_chart", "/static/other.js")
    login(client, GAMMA)
    assert [p["key"] for p in _result(client.get(LIST))] == ["customer_profile", "other_chart"]


def test_a_user_shown_no_dashboard_or_chart_is_refused(client):
    login(client, NOBODY)
    response = client.get(LIST)
    assert response.status_code == 403
    assert b"customer" not in response.get_data()


def test_anonymous_without_public_access_is_refused(client):
    response = client.get(LIST)
    assert response.status_code == 401
    assert b"customer" not in response.get_data()


def test_anonymous_gets_this_chart_alone_where_public_may_read_dashboards(
    client, public_can_read_dashboards, manage_plugins_rows
):
    manage_plugins_rows(*INTERNAL_ROW)
    response = client.get(LIST)
    assert [p["key"] for p in _result(response)] == ["customer_profile"]
    assert "10.1.2.3" not in response.get_data(as_text=True)


def test_anonymous_viewers_of_a_public_dashboard_get_keys_names_and_bundle_urls_only(
    client, public_can_read_dashboards, manage_plugins_rows, settings
):
    # What an anonymous viewer of a public dashboard is given by the package, with the rows added: the list, nothing
    # of a row beyond what the loader reads, and no other route opened (the package's only other route is the bundle).
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True)
    manage_plugins_rows("Other Chart", "other_chart", "/static/other.js")
    body = client.get(LIST).get_json()
    assert set(body) == {"result", "count"}
    assert [set(p) for p in body["result"]] == [{"key", "name", "bundle_url"}] * 2
    assert client.get("/api/v1/dataset/").status_code == 401


def _guest_token(app, secret=None):
    with app.app_context():
        from superset import security_manager

        token = security_manager.create_guest_access_token(
            {"username": "embedded-viewer", "first_name": "Embedded", "last_name": "Viewer"},
            [{"type": "dashboard", "id": "6bd6d9a3-5d39-4d3e-93ad-0a4a8c9c0d11"}],
            [],
        )
    if secret is not None:
        import jwt

        claims = jwt.decode(token, options={"verify_signature": False})
        token = jwt.encode(claims, secret, algorithm="HS256")
    return token.decode() if isinstance(token, bytes) else token


def test_an_embedded_guest_with_a_guest_token_gets_this_chart_alone(app, client, manage_plugins_rows):
    manage_plugins_rows(*INTERNAL_ROW)
    token = _guest_token(app)
    response = client.get(LIST, headers={app.config["GUEST_TOKEN_HEADER_NAME"]: token})
    assert [p["key"] for p in _result(response)] == ["customer_profile"]
    assert "10.1.2.3" not in response.get_data(as_text=True)


def test_a_forged_guest_token_is_refused(app, client):
    token = _guest_token(app, secret="not-the-configured-secret")
    response = client.get(LIST, headers={app.config["GUEST_TOKEN_HEADER_NAME"]: token})
    assert response.status_code == 401
