"""Explore and dashboards wait for the chart's bundle before they read the chart registries.

Why: Superset's DYNAMIC_PLUGINS loader and the explore page start together, and explore does not wait for it (the
dashboard page does). Explore hydrates as soon as ``GET /api/v1/explore/`` answers: it computes the control panel
once, from the chart registries as they are at that moment, and runs its first query with the registered
buildQuery, or a generic one. When the bundle registers later, Superset rebuilds some controls but never the panel's
sections, and never re-runs the query. Seen as an empty control panel ("53 ineligible items hidden", Superset 5.0)
and as "Empty query?" (6.1), in one explore load in five or six. The same code path exists in 4.1.4 to 6.1.0.

What: a small script on every Superset page (the ``tail_js_custom_extra.html`` hook, which every version from 4.1
includes at the end of the page) wraps ``window.fetch``; when the answer to ``/api/v1/explore/`` is for a chart
whose bundle is listed but not yet registered, it hands that answer to explore only once the chart has registered
(at most ten seconds; after that explore goes on as it would have). Any other request passes through untouched.
The deployment's own ``tail_js_custom_extra.html``, if it has one, is still included.

Dashboards too (found with the cross-filter tests, Superset 5.0.0 and 6.0.0): when a dashboard hydrates from
``GET /api/v1/dashboard/<id>/charts`` it sets each chart's cross-filter scope from the chart's behaviours in the
registry (``getCrossFiltersConfiguration``). A chart not yet registered then has no scope of its own, and its
cross-filter falls back to every chart, itself included: the chart that emitted a filter was filtered by it. The same
hold on that answer lets the dashboard see the chart's InteractiveChart behaviour.

Where, and what it names: the script is rendered on the pages that show a chart (dashboards, explore, a standalone
chart, embedded dashboards) for whoever Superset renders them for, and on a signed-in user's other pages of the
single-page app, which open explore and dashboards without loading a page (the chart gallery's "Create new chart",
the lists, the menu); never on the sign-in pages and never to an anonymous viewer of any other page. It names this
chart's key alone and costs no database query. With ``CUSTOMER_PROFILE_EXTRA_PLUGINS`` on, the other charts it waits
for are read in the browser from the loader's own answer to ``/dynamic-plugins/api/read`` (which the server filtered
for this viewer), so the page still names none of them; an answer that arrives while that list is in flight waits for
it (within the same ten seconds).
"""
from __future__ import annotations

from typing import Any, Callable

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, PrefixLoader

HOOK_TEMPLATE = "tail_js_custom_extra.html"
# The host's own loader, reachable under this prefix, so our hook template can include the host's hook template.
HOST_PREFIX = "customer-profile-host"
WAIT_MS = 10000
# Pages (paths under the application root) that show a chart: dashboards and their permalinks, explore and its
# permalinks (a standalone chart, as reports and thumbnails open it, is explore with ?standalone=1), embedded
# dashboards (rendered for an anonymous request: the guest token comes later, from the embedding page).
CHART_PAGES = ("/superset/dashboard/", "/explore/", "/superset/explore/", "/embedded/")
# Flask-AppBuilder's sign-in pages: nothing of the package there, whoever asks.
SIGN_IN_PAGES = ("/login", "/logout", "/register", "/oauth-authorized", "/resetpassword", "/resetmypassword")

HOLD_TEMPLATE = (
    '{% include "' + HOST_PREFIX + "/" + HOOK_TEMPLATE + '" ignore missing %}\n'
    "{% set hold = customer_profile_hold() %}"
    "{% if hold %}"
    '<script{% if csp_nonce is defined %} nonce="{{ csp_nonce() }}"{% endif %}>'
    "(function () {\n"
    "  var keys = {{ hold['keys'] | tojson }};\n"
    "  var learn = {{ hold['learn'] | tojson }};\n"
    "  var waitMs = " + str(WAIT_MS) + ";\n"
    "  var realFetch = window.fetch;\n"
    "  if (!realFetch || realFetch.customerProfileHold) return;\n"
    "  // With learn (CUSTOMER_PROFILE_EXTRA_PLUGINS), the other keys come from the loader's own list answer.\n"
    "  var listing = Promise.resolve();\n"
    "  function registered(key) {\n"
    "    try {\n"
    "      var core = window['__superset__/@superset-ui/core'];\n"
    "      return !!(core && core.getChartMetadataRegistry().has(key));\n"
    "    } catch (e) {\n"
    "      return false;\n"
    "    }\n"
    "  }\n"
    "  function whenRegistered(key, deadline) {\n"
    "    return new Promise(function (resolve) {\n"
    "      (function poll() {\n"
    "        if (registered(key) || Date.now() > deadline) resolve();\n"
    "        else setTimeout(poll, 25);\n"
    "      })();\n"
    "    });\n"
    "  }\n"
    "  function until(promise, deadline) {\n"
    "    return Promise.race([promise, new Promise(function (resolve) {\n"
    "      setTimeout(resolve, Math.max(0, deadline - Date.now()));\n"
    "    })]);\n"
    "  }\n"
    "  function learnFrom(response) {\n"
    "    return response.then(function (res) {\n"
    "      if (!res.ok) return;\n"
    "      return res.clone().json().then(function (body) {\n"
    "        ((body || {}).result || []).forEach(function (plugin) {\n"
    "          var key = (plugin || {}).key;\n"
    "          if (typeof key === 'string' && keys.indexOf(key) < 0) keys.push(key);\n"
    "        });\n"
    "      });\n"
    "    }).then(null, function () {});\n"
    "  }\n"
    "  // The charts an answer is about, when it is one explore or a dashboard hydrates from; else null.\n"
    "  function vizTypesOf(url, body) {\n"
    "    var result = (body || {}).result;\n"
    "    if (/\\/api\\/v1\\/explore\\/?$/.test(url.pathname)) {\n"
    "      return [url.searchParams.get('viz_type') || ((result || {}).form_data || {}).viz_type];\n"
    "    }\n"
    "    if (/\\/api\\/v1\\/dashboard\\/[^/]+\\/charts\\/?$/.test(url.pathname) && Array.isArray(result)) {\n"
    "      return result.map(function (chart) { return ((chart || {}).form_data || {}).viz_type; });\n"
    "    }\n"
    "    return null;\n"
    "  }\n"
    "  function held(url, response) {\n"
    "    if (!/\\/api\\/v1\\/(explore\\/?|dashboard\\/[^/]+\\/charts\\/?)$/.test(url.pathname)) return response;\n"
    "    return response.then(function (res) {\n"
    "      if (!res.ok) return res;\n"
    "      var deadline = Date.now() + waitMs;\n"
    "      return res.clone().json().then(function (body) {\n"
    "        var unregistered = (vizTypesOf(url, body) || []).filter(function (vizType, i, all) {\n"
    "          return typeof vizType === 'string' && !registered(vizType) && all.indexOf(vizType) === i;\n"
    "        });\n"
    "        if (!unregistered.length) return res;\n"
    "        return (learn ? until(listing, deadline) : listing).then(function () {\n"
    "          return Promise.all(unregistered.filter(function (key) {\n"
    "            return keys.indexOf(key) >= 0;\n"
    "          }).map(function (key) { return whenRegistered(key, deadline); }));\n"
    "        }).then(function () { return res; });\n"
    "      }, function () { return res; });\n"
    "    });\n"
    "  }\n"
    "  var hold = function (input) {\n"
    "    var response = realFetch.apply(this, arguments);\n"
    "    var url;\n"
    "    try {\n"
    "      url = new URL(input && input.url ? input.url : String(input), window.location.href);\n"
    "    } catch (e) {\n"
    "      return response;\n"
    "    }\n"
    "    if (learn && /\\/dynamic-plugins\\/api\\/read\\/?$/.test(url.pathname)) {\n"
    "      listing = Promise.all([listing, learnFrom(response)]);\n"
    "      return response;\n"
    "    }\n"
    "    return held(url, response);\n"
    "  };\n"
    "  hold.customerProfileHold = true;\n"
    "  window.fetch = hold;\n"
    "})();"
    "</script>"
    "{% endif %}"
)


def page_may_show_a_chart() -> bool:
    """A page that shows a chart, or a signed-in user's page from which the single-page app opens one without a page
    load; never a sign-in page. Decided from the request's path and the session's user: no database query."""
    from flask import has_request_context, request
    from flask_login import current_user

    if not has_request_context():
        return False
    path = request.path
    if path.startswith(SIGN_IN_PAGES):
        return False
    if path.startswith(CHART_PAGES):
        return True
    return bool(getattr(current_user, "is_authenticated", False))


def install_explore_hold(app, key: str, learn: Callable[[], bool]) -> None:
    """Puts the hold script into the app's page-end hook template, keeping the host's own hook template.

    ``key`` is the chart's own key, the one the page names. ``learn`` tells, when a page is rendered, whether the
    script also waits for the other charts the loader's list names (CUSTOMER_PROFILE_EXTRA_PLUGINS, read from the
    config on each page: no database query). Nothing is rendered when DYNAMIC_PLUGINS is off, nor on a page that
    needs no hold (``page_may_show_a_chart``).
    """
    host: BaseLoader | None = app.jinja_loader
    loaders: list[BaseLoader] = [DictLoader({HOOK_TEMPLATE: HOLD_TEMPLATE})]
    if host is not None:
        loaders += [PrefixLoader({HOST_PREFIX: host}), host]
    app.jinja_loader = ChoiceLoader(loaders)

    def customer_profile_hold() -> dict[str, Any] | None:
        from superset import is_feature_enabled

        if not is_feature_enabled("DYNAMIC_PLUGINS") or not page_may_show_a_chart():
            return None
        return {"keys": [key], "learn": bool(learn())}

    app.add_template_global(customer_profile_hold)
