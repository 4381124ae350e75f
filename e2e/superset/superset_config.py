"""Superset config of the Customer Profile 360 end-to-end harness (every version: 4.1.4, 5.0.0, 6.0.0, 6.1.0).

Loaded through SUPERSET_CONFIG_PATH (see env.sh). Two parts, kept apart on purpose:

1. The admin's setup, exactly as the README documents it for the pip package (setup.sh installs the wheel into the
   version's venv, as an admin would): one import, DYNAMIC_PLUGINS on, the blueprint in BLUEPRINTS.
2. Test-only settings, named as such: a local SQLite metadata DB, a fixed secret key, CSRF off for API scripting,
   Jinja templating for the url_param dataset, the languages a test switches to. None of them is needed by the chart.
"""
import copy
import os
import sys

# --- 1. The admin's setup (README, "Install without rebuilding") -------------------------------------------------
from superset_customer_profile import customer_profile_blueprint

FEATURE_FLAGS = {"DYNAMIC_PLUGINS": True}
BLUEPRINTS = [customer_profile_blueprint]

# --- 2. Test-only settings ------------------------------------------------------------------------------------------
_HOME = os.environ.get("SUPERSET_HOME", "/tmp/cp360-superset/home")


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


SECRET_KEY = os.environ.get("SUPERSET_SECRET_KEY", "e2e-customer-profile-360-local-test-key-not-for-production")
SQLALCHEMY_DATABASE_URI = f"sqlite:///{_HOME}/superset.db?check_same_thread=false"
SQLALCHEMY_EXAMPLES_URI = SQLALCHEMY_DATABASE_URI

# The test datasets filter with {{ url_param('customer_id') }}. (DASHBOARD_NATIVE_FILTERS is on by default from 4.1.)
FEATURE_FLAGS["ENABLE_TEMPLATE_PROCESSING"] = True

# API scripting (REST with JWT) without a CSRF round trip. The SPA keeps working: it still fetches
# /api/v1/security/csrf_token/ and sends it, it is just not checked.
WTF_CSRF_ENABLED = _flag("SUPERSET_CSRF", False)

# Talisman stays ON with Superset's stock CSP (script-src 'self' 'strict-dynamic' + nonce): the package's bundle
# (same origin) and its nonced explore-hold script work under it. SUPERSET_TALISMAN=0 turns it off.
TALISMAN_ENABLED = _flag("SUPERSET_TALISMAN", True)
CONTENT_SECURITY_POLICY_WARNING = False

# --- 2b. Test-only settings for the public and embedded tests (test/superset/public.test.ts, embedded.test.ts) ------
# What an admin sets to publish a dashboard and to embed one (README, "On a dashboard"); none of it is needed by the
# chart itself, which reaches anonymous viewers and guests through the package's /dynamic-plugins/api/read.
#
# Public dashboards: test/superset/public.test.ts gives the Public role (anonymous viewers) Gamma's permissions for
# the length of the test, as PUBLIC_ROLE_LIKE = "Gamma" does on `superset init`, and takes them back afterwards.
# Not PUBLIC_ROLE_LIKE here: Flask-AppBuilder serves a REST call whose permission Public holds WITHOUT reading its JWT
# (flask_appbuilder/security/decorators.py, protect(): `if sm.is_item_public(...): return f(...)`), i.e. as the
# anonymous user, so the admin scripting of globalSetup.ts would list and edit as Public. Gamma grants no data: the
# test also gives the one dashboard the role Public under DASHBOARD_RBAC, which lets Public query the datasets of that
# dashboard's charts and native filters only (security/manager.py, raise_for_access: "Grant access to the datasource
# only if dashboard RBAC is enabled ..."), the narrowest data grant there is.
FEATURE_FLAGS["DASHBOARD_RBAC"] = True

# Embedding (@superset-ui/embedded-sdk): the /embedded/<uuid> page and guest tokens. Guests take GUEST_ROLE_NAME's
# permissions (Superset's default is "Public", which has none here) plus the data of the embedded dashboard only,
# filtered by the token's row-level-security clauses: Gamma's permissions (read dashboards and charts, no datasource).
# A fixed secret, so a token outlives a restart; never this one in production.
FEATURE_FLAGS["EMBEDDED_SUPERSET"] = True
GUEST_ROLE_NAME = "Gamma"
GUEST_TOKEN_JWT_SECRET = os.environ.get("SUPERSET_GUEST_SECRET", "e2e-customer-profile-360-guest-secret-not-for-prod")
GUEST_TOKEN_JWT_EXP_SECONDS = 600

# The host page of the embedded test (e2e/embedded/server.js) is another origin (another port): it may frame Superset.
# Talisman stays on; its X-Frame-Options: SAMEORIGIN (flask-talisman's default) is replaced by the CSP's
# frame-ancestors, which names the allowed origins. Superset's own TALISMAN_CONFIG is the starting point: this file is
# executed by superset/config.py after its defaults are set, so the module is readable (every version, 4.1 to 6.1).
# E2E_EMBED_PORT is the host page's port for both sides (the test's server and this CSP); E2E_EMBED_ORIGIN overrides.
EMBED_HOST_ORIGIN = os.environ.get("E2E_EMBED_ORIGIN", f"http://127.0.0.1:{os.environ.get('E2E_EMBED_PORT', '8099')}")
_defaults = sys.modules.get("superset.config")
if _defaults is not None and getattr(_defaults, "TALISMAN_CONFIG", None):
    TALISMAN_CONFIG = copy.deepcopy(_defaults.TALISMAN_CONFIG)
    TALISMAN_CONFIG["frame_options"] = None
    TALISMAN_CONFIG["content_security_policy"]["frame-ancestors"] = ["'self'", EMBED_HOST_ORIGIN]

# Languages the user may switch to (Superset's default list is empty), and the default one: E2E_LOCALE=ru starts the
# server in Russian, which is how the suite proves that the chart follows the host's language.
LANGUAGES = {
    "en": {"flag": "us", "name": "English"},
    "ru": {"flag": "ru", "name": "Russian"},
}
BABEL_DEFAULT_LOCALE = os.environ.get("E2E_LOCALE", "en")

# The MariaDB database of the harness connects through PyMySQL. Superset's MySQL engine spec imports MySQLdb
# (mysqlclient) to name column types whatever the URI's driver (db_engine_specs/mysql.py, get_datatype), so creating
# a dataset fails with "No module named 'MySQLdb'"; PyMySQL stands in for it. Any deployment on PyMySQL needs this.
try:
    import pymysql

    pymysql.install_as_MySQLdb()
except ImportError:  # a venv without PyMySQL has no MySQL database either
    pass

# Note: 6.x's menu always renders a telemetry <img> (apachesuperset.gateway.scarf.sh); with no network it logs one
# harmless ERR_NAME_NOT_RESOLVED per page.
SUPERSET_WEBSERVER_TIMEOUT = 120
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
# Browser sessions over http://127.0.0.1 (no TLS).
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_SAMESITE = "Lax"
