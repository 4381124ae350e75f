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
"""
from __future__ import annotations

from typing import Callable, Iterable

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, PrefixLoader

HOOK_TEMPLATE = "tail_js_custom_extra.html"
# The host's own loader, reachable under this prefix, so our hook template can include the host's hook template.
HOST_PREFIX = "customer-profile-host"
WAIT_MS = 10000

HOLD_TEMPLATE = (
    '{% include "' + HOST_PREFIX + "/" + HOOK_TEMPLATE + '" ignore missing %}\n'
    "{% set keys = customer_profile_hold_keys() %}"
    "{% if keys %}"
    '<script{% if csp_nonce is defined %} nonce="{{ csp_nonce() }}"{% endif %}>'
    "(function () {\n"
    "  var keys = {{ keys | tojson }};\n"
    "  var waitMs = " + str(WAIT_MS) + ";\n"
    "  var realFetch = window.fetch;\n"
    "  if (!realFetch || realFetch.customerProfileHold) return;\n"
    "  function registered(key) {\n"
    "    try {\n"
    "      var core = window['__superset__/@superset-ui/core'];\n"
    "      return !!(core && core.getChartMetadataRegistry().has(key));\n"
    "    } catch (e) {\n"
    "      return false;\n"
    "    }\n"
    "  }\n"
    "  function whenRegistered(key) {\n"
    "    var start = Date.now();\n"
    "    return new Promise(function (resolve) {\n"
    "      (function poll() {\n"
    "        if (registered(key) || Date.now() - start > waitMs) resolve();\n"
    "        else setTimeout(poll, 25);\n"
    "      })();\n"
    "    });\n"
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
    "  function held(input, response) {\n"
    "    var url;\n"
    "    try {\n"
    "      url = new URL(typeof input === 'string' ? input : input.url, window.location.href);\n"
    "    } catch (e) {\n"
    "      return response;\n"
    "    }\n"
    "    if (!/\\/api\\/v1\\/(explore\\/?|dashboard\\/[^/]+\\/charts\\/?)$/.test(url.pathname)) return response;\n"
    "    return response.then(function (res) {\n"
    "      if (!res.ok) return res;\n"
    "      return res.clone().json().then(function (body) {\n"
    "        var waiting = (vizTypesOf(url, body) || []).filter(function (vizType, i, all) {\n"
    "          return keys.indexOf(vizType) >= 0 && !registered(vizType) && all.indexOf(vizType) === i;\n"
    "        });\n"
    "        return Promise.all(waiting.map(whenRegistered)).then(function () { return res; });\n"
    "      }, function () { return res; });\n"
    "    });\n"
    "  }\n"
    "  var hold = function (input) {\n"
    "    return held(input, realFetch.apply(this, arguments));\n"
    "  };\n"
    "  hold.customerProfileHold = true;\n"
    "  window.fetch = hold;\n"
    "})();"
    "</script>"
    "{% endif %}"
)


def install_explore_hold(app, keys: Callable[[], Iterable[str]]) -> None:
    """Puts the hold script into the app's page-end hook template, keeping the host's own hook template.

    ``keys`` lists the dynamic plugin keys to wait for; it is called when a page is rendered (the rows of Manage >
    Plugins may change while Superset runs). Nothing is rendered when DYNAMIC_PLUGINS is off.
    """
    host: BaseLoader | None = app.jinja_loader
    loaders: list[BaseLoader] = [DictLoader({HOOK_TEMPLATE: HOLD_TEMPLATE})]
    if host is not None:
        loaders += [PrefixLoader({HOST_PREFIX: host}), host]
    app.jinja_loader = ChoiceLoader(loaders)

    def customer_profile_hold_keys() -> list[str]:
        from superset import is_feature_enabled

        if not is_feature_enabled("DYNAMIC_PLUGINS"):
            return []
        return sorted(set(keys()))

    app.add_template_global(customer_profile_hold_keys)
