"""The explore hold: the script at the end of the pages that show a chart (and of a signed-in user's other pages of the
single-page app, which open explore and dashboards without a page load) that makes explore and dashboards wait for
the chart's bundle. It names this chart's key alone, costs no database query, and is not on the sign-in pages."""
import re

import pytest

from conftest import ADMIN, login

HOLD = "customerProfileHold"


def _page(client, url="/chart/add", who=ADMIN) -> str:
    if who is not None:
        login(client, who)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def _hold_script(html: str) -> str:
    scripts = [s for s in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S) if HOLD in s]
    assert len(scripts) == 1, "the hold script is on the page once"
    return scripts[0]


def test_the_page_ends_with_the_hold_for_this_chart_alone(app, client, manage_plugins_rows):
    # /chart/add: the gallery's "Create new chart" opens explore without a page load, so the hold must be in place.
    manage_plugins_rows("Other chart", "other_chart", "/static/other.js")
    script = _hold_script(_page(client))
    assert 'var keys = ["customer_profile"];' in script
    assert "var learn = false;" in script
    assert "other_chart" not in script
    # It only ever waits for explore's own answer and the dashboard's charts, and only for so long.
    assert "/api\\/v1\\/explore\\/?$/" in script
    assert "/api\\/v1\\/dashboard\\/[^/]+\\/charts\\/?$/" in script
    assert "var waitMs = 10000;" in script


def test_with_the_rows_added_the_page_still_names_this_chart_alone(app, client, manage_plugins_rows, settings):
    # The other keys are read in the browser from the loader's own list answer, which the server filtered.
    settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True)
    manage_plugins_rows("Other chart", "other_chart", "/static/other.js")
    script = _hold_script(_page(client))
    assert 'var keys = ["customer_profile"];' in script
    assert "var learn = true;" in script
    assert "other_chart" not in script
    assert "/\\/dynamic-plugins\\/api\\/read\\/?$/" in script


@pytest.mark.parametrize("url", ["/explore/", "/dashboard/list/", "/superset/welcome/"])
def test_a_signed_in_viewer_has_the_hold_on_explore_and_the_pages_that_open_charts(client, url):
    assert 'var keys = ["customer_profile"];' in _hold_script(_page(client, url))


def test_an_embedded_dashboard_page_has_the_hold_for_its_anonymous_request(client, embedded_dashboard):
    # Superset renders /embedded/<uuid> as an anonymous user; the guest token comes later, from the embedding page.
    script = _hold_script(_page(client, f"/embedded/{embedded_dashboard}", who=None))
    assert 'var keys = ["customer_profile"];' in script


@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("extra", [False, True])
def test_the_login_page_reveals_nothing_to_an_anonymous_viewer(
    app, client, manage_plugins_rows, settings, request, public, extra
):
    if public:
        request.getfixturevalue("public_can_read_dashboards")
    if extra:
        settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True)
    manage_plugins_rows("Other chart", "other_chart", "/static/other.js")
    html = _page(client, "/login/", who=None)
    assert HOLD not in html
    assert "customer_profile" not in html and "customer-profile" not in html and "other_chart" not in html


@pytest.mark.parametrize(
    "path, signed_in, expected",
    [
        ("/superset/dashboard/1/", False, True),
        ("/superset/dashboard/p/AbCd/", False, True),
        ("/explore/", False, True),
        ("/explore/p/AbCd/", False, True),
        ("/superset/explore/p/AbCd/", False, True),
        ("/embedded/6bd6d9a3-5d39-4d3e-93ad-0a4a8c9c0d11", False, True),
        ("/chart/add", True, True),
        ("/sqllab/", True, True),
        ("/chart/add", False, False),
        ("/dashboard/list/", False, False),
        ("/superset/welcome/", False, False),
        ("/login/", False, False),
        ("/login/", True, False),
        ("/login/github", False, False),
        ("/register/form", False, False),
        ("/resetmypassword/form", True, False),
        ("/logout/", True, False),
    ],
)
def test_which_pages_get_the_hold(app, path, signed_in, expected):
    from flask_login import login_user, logout_user
    from superset import security_manager
    from superset_customer_profile.explore_hold import page_may_show_a_chart

    with app.test_request_context(path):
        if signed_in:
            login_user(security_manager.find_user(username=ADMIN[0]))
        else:
            logout_user()
        assert page_may_show_a_chart() is expected


@pytest.mark.parametrize("extra", [False, True])
@pytest.mark.parametrize("url", ["/chart/add", "/explore/", "/superset/welcome/"])
def test_the_hold_costs_no_database_query(app, client, manage_plugins_rows, settings, extra, url):
    # The template global is wrapped for the length of a real page render; every statement the database sees while
    # it runs is counted. The same counter on the Manage > Plugins query shows that it sees queries.
    from sqlalchemy import event
    from superset.extensions import db
    from superset.models.dynamic_plugins import DynamicPlugin

    if extra:
        settings(CUSTOMER_PROFILE_EXTRA_PLUGINS=True)
    manage_plugins_rows("Other chart", "other_chart", "/static/other.js")
    login(client, ADMIN)
    statements = []
    inside = []

    def count(conn, cursor, statement, *args):
        if inside:
            statements.append(statement)

    original = app.jinja_env.globals["customer_profile_hold"]

    def counted():
        inside.append(True)
        try:
            return original()
        finally:
            inside.pop()

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    app.jinja_env.globals["customer_profile_hold"] = counted
    try:
        html = _page(client, url, who=None)
        held = statements[:]
        with app.app_context():
            inside.append(True)
            db.session.query(DynamicPlugin).all()
            inside.pop()
    finally:
        app.jinja_env.globals["customer_profile_hold"] = original
        event.remove(engine, "before_cursor_execute", count)
    assert HOLD in html
    assert held == []
    assert len(statements) >= 1, "the counter sees a query"


def test_the_script_carries_the_pages_csp_nonce(app, client):
    html = _page(client)
    tag = re.search(r"<script([^>]*)>[^<]*customerProfileHold", html)
    assert tag is not None
    nonce = re.search(r'nonce="([^"]+)"', tag.group(1))
    if app.config.get("TALISMAN_ENABLED"):
        assert nonce and nonce.group(1), "under Talisman the inline script needs the page's nonce"


def test_the_hosts_own_page_end_template_is_kept(app, client):
    # A deployment's own tail_js_custom_extra.html still renders: the package includes it before its script.
    loader = app.jinja_loader
    source, _, _ = loader.get_source(app.jinja_env, "customer-profile-host/tail_js_custom_extra.html")
    assert source is not None
    from superset_customer_profile.explore_hold import HOOK_TEMPLATE, HOST_PREFIX

    ours, _, _ = loader.get_source(app.jinja_env, HOOK_TEMPLATE)
    assert f'{{% include "{HOST_PREFIX}/{HOOK_TEMPLATE}" ignore missing %}}' in ours


def test_nothing_is_rendered_with_dynamic_plugins_off(app, client):
    # Superset reads its flags from the feature-flag manager, filled from the config when the app was made.
    from superset.extensions import feature_flag_manager

    flags = feature_flag_manager._feature_flags  # noqa: SLF001 - the one place the running app keeps them
    flags["DYNAMIC_PLUGINS"] = False
    try:
        assert HOLD not in _page(client)
    finally:
        flags["DYNAMIC_PLUGINS"] = True
