"""The Flask blueprint: the chart's bundle and Superset's dynamic-plugin list.

Two routes, both read-only (GET, and the HEAD Flask derives from it), and the explore hold (explore_hold.py):

- ``/customer-profile/static/<bundle>``: the built bundle, whose file name
  carries its content hash, so it is served with a year of immutable caching;
  any other file name is a 404 (nothing else of the package is reachable).
- ``/dynamic-plugins/api/read``: what Superset's DYNAMIC_PLUGINS loader asks
  for on every page. Superset 6.x lost this route (FAB 5 no longer generates
  ModelView ``api/read``); 4.1 and 5.0 still have it, but there it is admin-only
  in practice and knows nothing of this package. Ours answers in every version
  with this chart plus the rows of Manage > Plugins (``dynamic_plugin``), which
  is everything the host's own answer holds that the loader reads.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Any

from flask import Blueprint, Response, abort, jsonify, request, url_for

logger = logging.getLogger(__name__)

PLUGIN_KEY = "customer_profile"
PLUGIN_NAME = "Customer Profile 360"
LIST_ROUTE = "/dynamic-plugins/api/read"
STATIC_PREFIX = "/customer-profile/static"
# The name is content-hashed: a new build is a new URL, so the old one may be
# cached for as long as browsers allow.
IMMUTABLE = "public, max-age=31536000, immutable"

customer_profile_blueprint = Blueprint("customer_profile_plugin", __name__)


def _install_explore_hold(state) -> None:
    """When Superset registers the blueprint: explore waits for dynamic chart bundles (see explore_hold.py)."""
    from .explore_hold import install_explore_hold

    install_explore_hold(state.app, lambda: [PLUGIN_KEY, *(row["key"] for row in _manage_plugins_rows())])


customer_profile_blueprint.record_once(_install_explore_hold)


@lru_cache(maxsize=1)
def _manifest() -> dict[str, Any]:
    """static/manifest.json, written when the wheel is built (python/build_wheel.py)."""
    text = resources.files(__package__).joinpath("static/manifest.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _bundle_bytes() -> bytes:
    return resources.files(__package__).joinpath(f"static/{bundle_filename()}").read_bytes()


def bundle_filename() -> str:
    """The content-hashed file name of the packaged bundle."""
    return str(_manifest()["bundle"])


def package_version() -> str:
    """The package's version: the npm package's version the bundle was built from."""
    return str(_manifest()["version"])


@customer_profile_blueprint.route(f"{STATIC_PREFIX}/<path:filename>", methods=["GET"])
def bundle(filename: str) -> Response:
    if filename != bundle_filename():
        abort(404)
    response = Response(_bundle_bytes(), mimetype="application/javascript")
    response.headers["Cache-Control"] = IMMUTABLE
    response.set_etag(str(_manifest()["sha256"]))
    # A browser that revalidates anyway (a forced reload) gets a 304 instead of the whole bundle.
    return response.make_conditional(request)


def _viewer_may_list() -> bool:
    """Whoever Superset would show a dashboard or a chart to: a user (or the
    Public role, for anonymous viewers) with ``can_read`` on Dashboard or Chart,
    or an embedded guest whose token Superset's own request loader accepted."""
    # Imported here: this module is imported from superset_config.py, while
    # Superset is still being imported.
    from superset import security_manager

    if security_manager.get_current_guest_user_if_guest() is not None:
        return True
    return any(security_manager.can_access("can_read", view) for view in ("Dashboard", "Chart"))


def _manage_plugins_rows() -> list[dict[str, str]]:
    """Rows of Manage > Plugins. A failure here is logged, never raised: the
    loader calls this on every page, and a broken list must not break pages."""
    try:
        from superset.extensions import db
        from superset.models.dynamic_plugins import DynamicPlugin

        rows = db.session.query(DynamicPlugin).order_by(DynamicPlugin.id).all()
        return [{"key": r.key, "name": r.name, "bundle_url": r.bundle_url} for r in rows]
    except Exception:  # noqa: BLE001
        logger.exception("customer_profile: could not read the dynamic_plugin table")
        return []


def _is_anonymous() -> bool:
    from flask_login import current_user

    return not getattr(current_user, "is_authenticated", False)


@customer_profile_blueprint.route(LIST_ROUTE, methods=["GET"])
def read_plugins() -> Response:
    """``{"result": [{"key", "name", "bundle_url"}], "count": n}``: the loader
    reads ``result[].key`` and ``result[].bundle_url`` only, so nothing else of
    a row (ids, owners, timestamps) is revealed."""
    from superset import is_feature_enabled

    if not is_feature_enabled("DYNAMIC_PLUGINS"):
        # What the host's own view answers with the flag off.
        return Response("Not found", status=404)
    if not _viewer_may_list():
        status = 401 if _is_anonymous() else 403
        return jsonify({"message": "Forbidden" if status == 403 else "Not authorized"}), status

    ours = {
        "key": PLUGIN_KEY,
        "name": PLUGIN_NAME,
        # Same origin, under the app root: allowed by Talisman's script-src 'self'.
        "bundle_url": url_for(f"{customer_profile_blueprint.name}.bundle", filename=bundle_filename()),
    }
    plugins = [ours]
    for row in _manage_plugins_rows():
        if row["key"] == PLUGIN_KEY:
            # Two bundles under one key would register the chart twice; the
            # installed package is the one this Superset was set up with.
            logger.warning("customer_profile: Manage > Plugins row %r is shadowed by the package", row["name"])
            continue
        plugins.append(row)
    return jsonify({"result": plugins, "count": len(plugins)})
