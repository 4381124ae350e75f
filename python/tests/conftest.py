"""A real Superset app for the tests: the Superset of the venv running pytest, with the package installed from the
wheel (python/run-tests.sh installs it), a temporary SUPERSET_HOME holding a SQLite metadata DB made by
`superset db upgrade` + `superset init`, and a superset_config.py made of the admin's documented lines plus
test-only settings. Nothing of Superset is imported before the environment points at that config.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# The admin's whole setup, as python/README.md documents it.
ADMIN_LINES = """\
from superset_customer_profile import customer_profile_blueprint

FEATURE_FLAGS = {"DYNAMIC_PLUGINS": True}
BLUEPRINTS = [customer_profile_blueprint]
"""

TEST_LINES = """\
# Test-only settings, not part of the admin's setup.
SECRET_KEY = "customer-profile-wheel-tests-only"
SQLALCHEMY_DATABASE_URI = "sqlite:///{db}?check_same_thread=false"
WTF_CSRF_ENABLED = False
FEATURE_FLAGS["EMBEDDED_SUPERSET"] = True
GUEST_TOKEN_JWT_SECRET = "customer-profile-wheel-tests-guest-secret"
CACHE_CONFIG = {{"CACHE_TYPE": "SimpleCache"}}
DATA_CACHE_CONFIG = {{"CACHE_TYPE": "NullCache"}}
"""

ADMIN = ("cp360admin", "cp360-admin-pass")
GAMMA = ("cp360gamma", "cp360-gamma-pass")
NOBODY = ("cp360norole", "cp360-norole-pass")
REPO = Path(__file__).resolve().parents[2]


def _superset_cli() -> str:
    return str(Path(sys.executable).parent / "superset")


@pytest.fixture(scope="session")
def superset_home():
    base = Path(os.environ.get("CP360_PIP_TMP", "/tmp/cp360-pip"))
    base.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="superset-home-", dir=base))
    config = home / "superset_config.py"
    config.write_text(ADMIN_LINES + "\n" + TEST_LINES.format(db=home / "superset.db"), "utf-8")
    env = dict(os.environ, SUPERSET_HOME=str(home), SUPERSET_CONFIG_PATH=str(config), FLASK_APP="superset.app:create_app()")
    os.environ.update({k: env[k] for k in ("SUPERSET_HOME", "SUPERSET_CONFIG_PATH", "FLASK_APP")})
    seed = os.environ.get("CP360_PIP_SEED_DB")
    if seed and Path(seed).is_file():
        # A metadata DB that the same Superset version already upgraded and initialised (the e2e harness's, given by
        # scripts/test.sh): a copy saves the minutes of `db upgrade` + `init`; the tests add their own users.
        shutil.copyfile(seed, home / "superset.db")
    else:
        for args in (["db", "upgrade"], ["init"]):
            done = subprocess.run([_superset_cli(), *args], env=env, capture_output=True, text=True, timeout=900)
            if done.returncode != 0:
                raise RuntimeError(f"superset {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    yield home
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def app(superset_home):
    from superset.app import create_app

    flask_app = create_app()
    flask_app.config["TESTING"] = True
    with flask_app.app_context():
        from superset import security_manager

        sm = security_manager
        sm.add_user(ADMIN[0], "Admin", "User", "admin@example.org", sm.find_role("Admin"), password=ADMIN[1])
        sm.add_user(GAMMA[0], "Gamma", "User", "gamma@example.org", sm.find_role("Gamma"), password=GAMMA[1])
        # A user with a role that grants nothing: logged in, but shown no dashboard or chart.
        empty = sm.find_role("NoAccess") or sm.add_role("NoAccess")
        sm.add_user(NOBODY[0], "No", "Access", "norole@example.org", empty, password=NOBODY[1])
    return flask_app


def login(client, who) -> None:
    response = client.post("/login/", data={"username": who[0], "password": who[1]})
    assert response.status_code in (200, 302), response.status_code
    # A failed login also answers 302 (back to /login/); Flask-Login's session key tells whether it worked.
    # (Not /api/v1/me/: in 6.1 it needs a permission that a role-less user lacks.)
    with client.session_transaction() as session:
        assert session.get("_user_id"), f"login as {who[0]} failed"


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def manage_plugins_rows(app):
    """Rows as Manage > Plugins adds them (the host's DynamicPlugin model), removed after the test."""
    from superset.extensions import db
    from superset.models.dynamic_plugins import DynamicPlugin

    added = []

    def add(name: str, key: str, bundle_url: str):
        with app.app_context():
            row = DynamicPlugin(name=name, key=key, bundle_url=bundle_url)
            db.session.add(row)
            db.session.commit()
            added.append(row.id)

    yield add
    with app.app_context():
        db.session.query(DynamicPlugin).filter(DynamicPlugin.id.in_(added)).delete(synchronize_session=False)
        db.session.commit()


@pytest.fixture
def public_can_read_dashboards(app):
    """The Public role as PUBLIC_ROLE_LIKE = "Gamma" leaves it for this purpose: can_read on Dashboard."""
    from superset.extensions import db

    with app.app_context():
        from superset import security_manager as sm

        public = sm.find_role("Public")
        pvm = sm.find_permission_view_menu("can_read", "Dashboard")
        assert pvm is not None
        sm.add_permission_role(public, pvm)
        db.session.commit()
    yield
    with app.app_context():
        from superset import security_manager as sm

        sm.del_permission_role(sm.find_role("Public"), sm.find_permission_view_menu("can_read", "Dashboard"))
        db.session.commit()


_UNSET = object()


@pytest.fixture
def settings(app):
    """superset_config.py settings for one test (the package reads them on each request), put back afterwards."""
    saved = {}

    def set_(**values):
        for name, value in values.items():
            saved.setdefault(name, app.config.get(name, _UNSET))
            app.config[name] = value

    yield set_
    for name, value in saved.items():
        if value is _UNSET:
            app.config.pop(name, None)
        else:
            app.config[name] = value


@pytest.fixture
def embedded_dashboard(app):
    """A dashboard with an embedding configuration and no allowed domains (any page may embed it): its uuid."""
    from superset.extensions import db
    from superset.models.dashboard import Dashboard
    from superset.models.embedded_dashboard import EmbeddedDashboard

    with app.app_context():
        dashboard = Dashboard(dashboard_title="Customer Profile 360 embedding test", published=True)
        db.session.add(dashboard)
        db.session.flush()
        embedded = EmbeddedDashboard(dashboard_id=dashboard.id, allow_domain_list="")
        db.session.add(embedded)
        db.session.commit()
        ids = (str(embedded.uuid), dashboard.id)
    yield ids[0]
    with app.app_context():
        db.session.query(EmbeddedDashboard).filter(EmbeddedDashboard.dashboard_id == ids[1]).delete()
        db.session.query(Dashboard).filter(Dashboard.id == ids[1]).delete()
        db.session.commit()
