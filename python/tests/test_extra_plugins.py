"""CUSTOMER_PROFILE_EXTRA_PLUGINS = True: which Manage > Plugins rows the list then carries.

The loader import()s every bundle the list names in the viewer's session, and Superset's CSP ('strict-dynamic') lets
an imported script run whatever its origin: a row's bundle URL is listed only when it is a path on this server, or an
absolute URL whose origin the admin put in CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS (an http: origin only when listed
with http:).
"""
import logging

import pytest

from conftest import ADMIN, login
from superset_customer_profile.blueprint import allowed_origins, bundle_url_allowed, origin_of

LIST = "/dynamic-plugins/api/read"
CDN = frozenset({"https://cdn.example.org"})
INTERNAL = frozenset({"http://10.1.2.3:9000"})


@pytest.mark.parametrize(
    "url",
    [
        "/static/other.js",
        "/static/assets/other.0123.js?v=2",
        "/customer-profile/../static/x.js",
    ],
)
def test_a_path_on_this_server_is_allowed_without_listing_an_origin(url):
    assert bundle_url_allowed(url, frozenset())


@pytest.mark.parametrize(
    "url, origins",
    [
        ("https://cdn.example.org/other.js", CDN),
        ("https://CDN.Example.ORG/other.js", CDN),
        ("HTTPS://cdn.example.org/other.js", CDN),
        ("https://cdn.example.org:443/other.js", CDN),
        ("http://10.1.2.3:9000/internal.js?token=t", INTERNAL),
    ],
)
def test_an_absolute_url_on_a_listed_origin_is_allowed(url, origins):
    assert bundle_url_allowed(url, origins)


@pytest.mark.parametrize(
    "url, origins",
    [
        # Not listed at all: any other origin, http or https.
        ("https://cdn.example.org/other.js", frozenset()),
        ("http://10.1.2.3:9000/internal.js?token=t", frozenset()),
        # Listed as https: its http twin is another origin, and so is another port or a longer host.
        ("http://cdn.example.org/other.js", CDN),
        ("https://cdn.example.org:8443/other.js", CDN),
        ("https://cdn.example.org.evil.example/other.js", CDN),
        ("https://evil.example/cdn.example.org/other.js", CDN),
        # Listed as http:9000: https on that host, and http on the default port, are not it.
        ("https://10.1.2.3:9000/internal.js", INTERNAL),
        ("http://10.1.2.3/internal.js", INTERNAL),
        # A wildcard is no origin, even put in the set by hand.
        ("https://*.example.org/other.js", frozenset({"https://*.example.org"})),
        # User info: the host is the part after the @.
        ("https://cdn.example.org@evil.example/other.js", CDN),
        ("https://cdn.example.org:443@evil.example/other.js", CDN),
        # Protocol-relative, and paths that a browser reads as another host (backslash, tab, newline, space).
        ("//cdn.example.org/other.js", CDN),
        ("//evil.example/other.js", frozenset()),
        ("/\\evil.example/other.js", frozenset()),
        ("\\\\evil.example/other.js", frozenset()),
        ("/\t/evil.example/other.js", frozenset()),
        ("/\n/evil.example/other.js", frozenset()),
        (" //evil.example/other.js", frozenset()),
        ("https://cdn.example.org/other.js\t", CDN),
        # Other schemes, relative paths, bad ports, nothing.
        ("javascript:alert(1)", CDN),
        ("data:text/javascript,alert(1)", CDN),
        ("blob:https://cdn.example.org/0d1", CDN),
        ("ftp://cdn.example.org/other.js", CDN),
        ("static/other.js", frozenset()),
        ("https://cdn.example.org:99999/other.js", CDN),
        ("https:///other.js", CDN),
        ("", CDN),
        (None, CDN),
    ],
)
def test_anything_else_is_refused(url, origins):
    assert not bundle_url_allowed(url, origins)


def test_the_allow_list_is_read_as_origins():
    assert allowed_origins(["https://CDN.example.org/", "http://10.1.2.3:9000", "https://cdn.example.org:443"]) == {
        "https://cdn.example.org",
        "http://10.1.2.3:9000",
    }
    # One origin given as a string is one entry, not its characters.
    assert allowed_origins("https://cdn.example.org") == {"https://cdn.example.org"}
    assert allowed_origins(None) == frozenset()
    assert origin_of("https://[::1]:8443/x.js") == "https://[::1]:8443"


def test_entries_that_are_not_origins_are_ignored_with_a_warning(caplog):
    entries = [
        "https://cdn.example.org/bundles/",
        "https://*.example.org",
        "cdn.example.org",
        "https://u@cdn.example.org",
        "https://cdn.example.org?x=1",
        "javascript:alert(1)",
        42,
    ]
    with caplog.at_level(logging.WARNING, logger="superset_customer_profile.blueprint"):
        assert allowed_origins(entries) == frozenset()
        assert allowed_origins(True) == frozenset()
    warned = caplog.text
    for entry in ("https://cdn.example.org/bundles/", "https://*.example.org", "cdn.example.org", "42"):
        assert entry in warned


def _keys(client):
    response = client.get(LIST)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return [p["key"] for p in response.get_json()["result"]]


def test_the_list_leaves_out_rows_that_are_not_allowed(client, manage_plugins_rows, settings, caplog):
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True)
    manage_plugins_rows("Same origin", "same_origin", "/static/same.js")
    manage_plugins_rows("Internal chart", "internal_chart", "http://10.1.2.3:9000/internal.js?token=cp360-row-secret")
    manage_plugins_rows("CDN chart", "cdn_chart", "https://cdn.example.org/cdn.js")
    manage_plugins_rows("Sneaky chart", "sneaky_chart", "/\\evil.example/sneaky.js")
    login(client, ADMIN)
    with caplog.at_level(logging.WARNING, logger="superset_customer_profile.blueprint"):
        assert _keys(client) == ["customer_profile", "same_origin"]
    # The log names what was left out and why, by origin: never the URL, which may carry a token.
    assert "Internal chart" in caplog.text and "http://10.1.2.3:9000" in caplog.text
    assert "cp360-row-secret" not in caplog.text


def test_the_admin_allows_an_origin_and_its_rows_are_listed(client, manage_plugins_rows, settings):
    settings(
        CUSTOMER_PROFILE_EXTRA_PLUGINS=True,
        CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS=["https://cdn.example.org", "http://10.1.2.3:9000"],
    )
    manage_plugins_rows("Internal chart", "internal_chart", "http://10.1.2.3:9000/internal.js?token=t")
    manage_plugins_rows("CDN chart", "cdn_chart", "https://cdn.example.org/cdn.js")
    manage_plugins_rows("Plain http CDN", "plain_cdn_chart", "http://cdn.example.org/plain.js")
    manage_plugins_rows("Elsewhere", "elsewhere_chart", "https://elsewhere.example.org/x.js")
    login(client, ADMIN)
    assert _keys(client) == ["customer_profile", "internal_chart", "cdn_chart"]


def test_origins_without_the_switch_list_nothing(client, manage_plugins_rows, settings):
    settings(CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS=["https://cdn.example.org"])
    manage_plugins_rows("CDN chart", "cdn_chart", "https://cdn.example.org/cdn.js")
    manage_plugins_rows("Same origin", "same_origin", "/static/same.js")
    login(client, ADMIN)
    assert _keys(client) == ["customer_profile"]


def test_the_default_list_costs_no_database_query_for_manage_plugins(app, client, manage_plugins_rows, settings):
    # Counted on the statements that name the dynamic_plugin table, so the permission checks of the request do not
    # count; the same count with the switch on shows that the counter sees the query when there is one.
    from sqlalchemy import event
    from superset.extensions import db

    manage_plugins_rows("Same origin", "same_origin", "/static/same.js")
    login(client, ADMIN)
    seen = []

    def count(conn, cursor, statement, *args):
        if "dynamic_plugin" in statement:
            seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert _keys(client) == ["customer_profile"]
        by_default = len(seen)
        settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True)
        assert _keys(client) == ["customer_profile", "same_origin"]
        switched_on = len(seen) - by_default
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert by_default == 0
    assert switched_on >= 1
