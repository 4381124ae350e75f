"""The Flask blueprint: the chart's bundle and Superset's dynamic-plugin list.

Two routes, both read-only (GET, and the HEAD Flask derives from it), and the explore hold (explore_hold.py):

- ``/customer-profile/static/<bundle>``: the built bundle, whose file name
  carries its content hash, so it is served with a year of immutable caching;
  any other file name is a 404 (nothing else of the package is reachable).
- ``/dynamic-plugins/api/read``: what Superset's DYNAMIC_PLUGINS loader asks
  for on every page. Superset 6.x lost this route (FAB 5 no longer generates
  ModelView ``api/read``); 4.1 and 5.0 still have it, but there it is admin-only
  in practice and knows nothing of this package. Ours answers in every version
  with this chart alone. The loader ``import()``s every bundle the list names, in
  the viewer's session, and Superset's CSP (``'strict-dynamic'``) lets whatever
  it imports run: so the rows of Manage > Plugins (``dynamic_plugin``) are added
  only when the admin sets ``CUSTOMER_PROFILE_EXTRA_PLUGINS = True``, and then
  only those whose bundle URL is a same-origin path or is on an origin the admin
  listed in ``CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS`` (an ``http:`` origin only
  when it is listed as such).
"""
from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, jsonify, request, url_for

logger = logging.getLogger(__name__)

PLUGIN_KEY = "customer_profile"
PLUGIN_NAME = "Customer Profile 360"
LIST_ROUTE = "/dynamic-plugins/api/read"
STATIC_PREFIX = "/customer-profile/static"
# The name is content-hashed: a new build is a new URL, so the old one may be
# cached for as long as browsers allow.
IMMUTABLE = "public, max-age=31536000, immutable"
# superset_config.py settings. Off and empty by default: the list names this chart alone.
EXTRA_PLUGINS_SETTING = "CUSTOMER_PROFILE_EXTRA_PLUGINS"
EXTRA_ORIGINS_SETTING = "CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS"
DEFAULT_PORTS = {"http": 80, "https": 443}
# ASCII controls, spaces and backslashes: browsers drop tabs and newlines from URLs and read a backslash as a slash,
# so /\evil.example/x.js or /<tab>/evil.example/x.js would be another host's URL by the time the browser imports it.
_UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f\\]")
# A host as origins compare it: an ASCII name or IPv4 address (an IDN in its xn-- form), or IPv6; no wildcard.
_HOST = re.compile(r"^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|[0-9a-f.]*:[0-9a-f:.]*)$")

customer_profile_blueprint = Blueprint("customer_profile_plugin", __name__)


def _install_explore_hold(state) -> None:
    """When Superset registers the blueprint: explore waits for dynamic chart bundles (see explore_hold.py)."""
    from .explore_hold import install_explore_hold

    install_explore_hold(state.app, PLUGIN_KEY, extra_plugins_enabled)


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


def extra_plugins_enabled() -> bool:
    """``CUSTOMER_PROFILE_EXTRA_PLUGINS = True`` in superset_config.py: the list adds the rows of Manage > Plugins.
    Only ``True`` turns it on (an opt-in that lets other bundles run in every viewer's session)."""
    return current_app.config.get(EXTRA_PLUGINS_SETTING, False) is True


def origin_of(url: Any) -> str | None:
    """``scheme://host[:port]`` of an absolute http(s) URL, lower case, without the scheme's default port; None for
    anything else (another scheme, no host or a host with a wildcard, user info, a bad port, controls, spaces or
    backslashes)."""
    if not isinstance(url, str) or _UNSAFE_IN_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in DEFAULT_PORTS or not host or "@" in parts.netloc or not _HOST.match(host):
        return None
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return f"{scheme}://{host}"


_warned: set[tuple[str, ...]] = set()


def _warn_once(what: tuple[str, ...], message: str, *args: Any) -> None:
    """The list is built on every page load: one warning per setting entry or row, per process, is enough."""
    if what in _warned:
        return
    _warned.add(what)
    logger.warning(message, *args)


def allowed_origins(value: Any) -> frozenset[str]:
    """``CUSTOMER_PROFILE_EXTRA_PLUGIN_ORIGINS``: the origins (``https://cdn.example.org``, ``http://10.1.2.3:9000``)
    a Manage > Plugins bundle may be loaded from besides this server. An entry that is not an http(s) origin alone
    (a path, a query, a wildcard, user info) is ignored, with a warning."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple, set, frozenset)):
        _warn_once(
            ("origins", repr(value)), "customer_profile: %s is not a list of origins; ignored", EXTRA_ORIGINS_SETTING
        )
        return frozenset()
    origins = set()
    for entry in value:
        origin = origin_of(entry)
        parts = urlsplit(entry) if origin else None
        if parts is None or parts.path not in ("", "/") or parts.query or parts.fragment:
            _warn_once(
                ("origin", repr(entry)),
                "customer_profile: %s entry %r is not an http(s) origin; ignored",
                EXTRA_ORIGINS_SETTING,
                entry,
            )
            continue
        origins.add(origin)
    return frozenset(origins)


def bundle_url_allowed(url: Any, origins: frozenset[str]) -> bool:
    """A Manage > Plugins bundle URL the list may carry: a path on this server (``/static/x.js``), or an absolute
    URL whose origin the admin listed, scheme included (listing ``https://cdn`` allows no ``http://cdn`` URL)."""
    if not isinstance(url, str) or not url or _UNSAFE_IN_URL.search(url):
        return False
    if url.startswith("/") and not url.startswith("//"):
        return True
    origin = origin_of(url)
    return origin is not None and origin in origins


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
    """``{"result": [{"key", "name", "bundle_url"}], "count": n}``: this chart,
    and with ``CUSTOMER_PROFILE_EXTRA_PLUGINS`` the allowed rows of Manage >
    Plugins. The loader reads ``result[].key`` and ``result[].bundle_url`` only,
    so nothing else of a row (ids, owners, timestamps) is revealed."""
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
    if extra_plugins_enabled():
        # Read here, not at start-up: the admin may change Manage > Plugins while Superset runs.
        origins = allowed_origins(current_app.config.get(EXTRA_ORIGINS_SETTING))
        for row in _manage_plugins_rows():
            if row["key"] == PLUGIN_KEY:
                # Two bundles under one key would register the chart twice; the
                # installed package is the one this Superset was set up with.
                _warn_once(
                    ("shadowed", row["name"]),
                    "customer_profile: Manage > Plugins row %r is shadowed by the package",
                    row["name"],
                )
                continue
            if not bundle_url_allowed(row["bundle_url"], origins):
                # Named by its origin only: a bundle URL may carry a token.
                _warn_once(
                    ("left out", row["name"], row["bundle_url"]),
                    "customer_profile: Manage > Plugins row %r left out: its bundle URL is not a path on this server"
                    " and its origin (%s) is not in %s",
                    row["name"],
                    origin_of(row["bundle_url"]) or "none",
                    EXTRA_ORIGINS_SETTING,
                )
                continue
            plugins.append(row)
    return jsonify({"result": plugins, "count": len(plugins)})
