"""Superset 6.1 config for the Customer Profile 360 end-to-end harness.

Loaded through SUPERSET_CONFIG_PATH (see env.sh). Local test instance only:
SQLite metadata, fixed test SECRET_KEY, CSRF off for API scripting.

It also restores GET /dynamic-plugins/api/read (lost with Flask-AppBuilder 5,
apache/superset#35870) and serves the plugin bundle same-origin from
$PLUGIN_BUNDLE_DIR under /e2e-plugins/<file>.
"""
import os

from flask import Blueprint, abort, jsonify, send_from_directory

_HOME = os.environ.get("SUPERSET_HOME", "/tmp/superset-home")


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


SECRET_KEY = os.environ.get(
    "SUPERSET_SECRET_KEY", "e2e-customer-profile-360-local-test-key-not-for-production"
)
SQLALCHEMY_DATABASE_URI = f"sqlite:///{_HOME}/superset.db?check_same_thread=false"
SQLALCHEMY_EXAMPLES_URI = SQLALCHEMY_DATABASE_URI

FEATURE_FLAGS = {
    "DYNAMIC_PLUGINS": True,
    "ENABLE_TEMPLATE_PROCESSING": True,
    # DASHBOARD_NATIVE_FILTERS is no longer a flag in 6.x (always on).
}

# API scripting (REST with JWT) without a CSRF round trip. The SPA keeps working:
# it still fetches /api/v1/security/csrf_token/ and sends it, it is just not checked.
WTF_CSRF_ENABLED = _flag("SUPERSET_CSRF", False)

# Talisman stays ON by default with Superset's stock CSP
# (script-src 'self' 'strict-dynamic' + nonce): the loader's import() of a
# same-origin bundle works under it (see LOADER.md). SUPERSET_TALISMAN=0 turns it off.
TALISMAN_ENABLED = _flag("SUPERSET_TALISMAN", True)
CONTENT_SECURITY_POLICY_WARNING = False

# Note: 6.1's menu always renders a telemetry <img> (apachesuperset.gateway.scarf.sh);
# with no network it logs one harmless ERR_NAME_NOT_RESOLVED per page.
SUPERSET_WEBSERVER_TIMEOUT = 120
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
# Let browser sessions survive http://127.0.0.1 (no TLS)
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_SAMESITE = "Lax"

_BUNDLE_ROUTE = "/e2e-plugins"

e2e_plugins = Blueprint("e2e_plugins", __name__)


def _env_plugins() -> list[dict]:
    bundle_dir = os.environ.get("PLUGIN_BUNDLE_DIR")
    if not bundle_dir:
        return []
    bundle_file = os.environ.get("PLUGIN_BUNDLE_FILE", "index.js")
    return [
        {
            "id": 0,
            "name": os.environ.get("PLUGIN_NAME", "Customer Profile 360"),
            "key": os.environ.get("PLUGIN_KEY", "customer_profile"),
            "bundle_url": f"{_BUNDLE_ROUTE}/{bundle_file}",
        }
    ]


def _db_plugins() -> list[dict]:
    """Rows added through Manage > Plugins (table dynamic_plugin) still count."""
    try:
        from superset.extensions import db
        from superset.models.dynamic_plugins import DynamicPlugin

        return [
            {"id": p.id, "name": p.name, "key": p.key, "bundle_url": p.bundle_url}
            for p in db.session.query(DynamicPlugin).order_by(DynamicPlugin.id)
        ]
    except Exception:  # noqa: BLE001 - listing must never break page loads
        return []


@e2e_plugins.route("/dynamic-plugins/api/read", methods=["GET"])
def dynamic_plugins_read():
    """Shape of the FAB<5 ModelView api_read the 6.x loader still calls:
    {"result": [{"id", "name", "key", "bundle_url"}], ...}; the loader only
    reads result[].key and result[].bundle_url."""
    plugins = _env_plugins()
    seen = {p["key"] for p in plugins}
    plugins += [p for p in _db_plugins() if p["key"] not in seen]
    return jsonify(
        {
            "result": plugins,
            "count": len(plugins),
            "list_columns": ["name", "key", "bundle_url", "id"],
        }
    )


_MIMETYPES = {
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".map": "application/json",
    ".json": "application/json",
    ".css": "text/css",
}


@e2e_plugins.route(f"{_BUNDLE_ROUTE}/<path:filename>", methods=["GET"])
def plugin_bundle(filename: str):
    bundle_dir = os.environ.get("PLUGIN_BUNDLE_DIR")
    if not bundle_dir:
        abort(404)
    ext = os.path.splitext(filename)[1].lower()
    response = send_from_directory(
        os.path.abspath(bundle_dir),
        filename,
        mimetype=_MIMETYPES.get(ext),
        max_age=0,
    )
    response.headers["Cache-Control"] = "no-store"
    return response


BLUEPRINTS = [e2e_plugins]
