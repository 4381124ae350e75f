"""Read-only routes, the default CSP, and the admin's setup being the whole setup."""
import subprocess
import sys

import pytest

from conftest import ADMIN, login

BLUEPRINT = "customer_profile_plugin"


def _our_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith(BLUEPRINT + ".")]


def test_the_package_adds_two_read_only_routes(app):
    rules = _our_rules(app)
    assert sorted(rule.rule for rule in rules) == [
        "/customer-profile/static/<path:filename>",
        "/dynamic-plugins/api/read",
    ]
    for rule in rules:
        assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, (rule.rule, rule.methods)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused(app, client, method):
    login(client, ADMIN)
    bundle_url = client.get("/dynamic-plugins/api/read").get_json()["result"][0]["bundle_url"]
    for url in ("/dynamic-plugins/api/read", bundle_url):
        assert getattr(client, method)(url).status_code == 405, (method, url)


def test_the_bundle_url_is_same_origin_under_the_default_csp(app, client):
    # Superset's default Talisman CSP allows scripts from 'self' only (plus nonces); a same-origin path needs no
    # change to TALISMAN_CONFIG.
    assert app.config["TALISMAN_ENABLED"]
    script_src = app.config["TALISMAN_CONFIG"]["content_security_policy"]["script-src"]
    assert "'self'" in script_src
    login(client, ADMIN)
    response = client.get("/dynamic-plugins/api/read")
    assert "script-src" in response.headers.get("Content-Security-Policy", "")
    url = response.get_json()["result"][0]["bundle_url"]
    assert url.startswith("/") and not url.startswith("//")
    bundle = client.get(url)
    assert bundle.headers.get("X-Content-Type-Options") == "nosniff"
    assert bundle.mimetype == "application/javascript"


def test_importing_the_package_does_not_import_superset():
    # superset_config.py is read while Superset is being imported: the package must import with Flask alone.
    code = "import sys, superset_customer_profile; print('superset' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
