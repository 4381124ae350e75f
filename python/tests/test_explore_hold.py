"""The explore hold: every Superset page ends with the script that makes explore wait for the chart's bundle."""
import re

from conftest import ADMIN, login


def _page(client) -> str:
    login(client, ADMIN)
    response = client.get("/chart/add")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _hold_script(html: str) -> str:
    scripts = [s for s in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S) if "customerProfileHold" in s]
    assert len(scripts) == 1, "the hold script is on the page once"
    return scripts[0]


def test_the_page_ends_with_the_hold_for_this_chart_and_the_manage_plugins_rows(app, client, manage_plugins_rows):
    manage_plugins_rows("Other chart", "other_chart", "/static/other.js")
    script = _hold_script(_page(client))
    assert 'var keys = ["customer_profile", "other_chart"];' in script
    # It only ever waits for explore's own answer and the dashboard's charts, and only for so long.
    assert "/api\\/v1\\/explore\\/?$/" in script
    assert "/api\\/v1\\/dashboard\\/[^/]+\\/charts\\/?$/" in script
    assert "var waitMs = 10000;" in script


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
        assert "customerProfileHold" not in _page(client)
    finally:
        flags["DYNAMIC_PLUGINS"] = True
