"""Customer Profile 360 for a running Apache Superset, without a frontend rebuild.

The whole setup, in ``superset_config.py``::

    from superset_customer_profile import customer_profile_blueprint

    FEATURE_FLAGS = {"DYNAMIC_PLUGINS": True}
    BLUEPRINTS = [customer_profile_blueprint]

This module imports Flask only: ``superset_config.py`` is read while Superset
itself is being imported, so importing Superset here would be circular.
"""
from .blueprint import (
    PLUGIN_KEY,
    PLUGIN_NAME,
    bundle_filename,
    customer_profile_blueprint,
    package_version,
)

__all__ = [
    "PLUGIN_KEY",
    "PLUGIN_NAME",
    "bundle_filename",
    "customer_profile_blueprint",
    "package_version",
]
