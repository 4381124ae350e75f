"""The bundle: JavaScript, content-hashed, cached for good, and nothing else of the package is served."""
import hashlib
import json
from importlib import resources
from pathlib import Path

import pytest

from conftest import ADMIN, REPO, login


def _bundle_url(client):
    login(client, ADMIN)
    return client.get("/dynamic-plugins/api/read").get_json()["result"][0]["bundle_url"]


def test_the_bundle_is_javascript_with_a_year_of_immutable_caching(client):
    response = client.get(_bundle_url(client))
    assert response.status_code == 200
    assert response.mimetype in ("application/javascript", "text/javascript")
    cache = response.headers["Cache-Control"]
    assert "max-age=31536000" in cache and "immutable" in cache and "public" in cache


def test_the_file_name_carries_the_hash_of_what_is_served(client):
    url = _bundle_url(client)
    body = client.get(url).get_data()
    digest = hashlib.sha256(body).hexdigest()
    assert url.endswith(f".{digest[:16]}.js")
    # The bundle registers the chart itself under its key (LOADER.md, section 5).
    assert b"customer_profile" in body


def test_the_wheel_holds_the_bundle_this_checkout_built():
    built = REPO / "dist" / "dynamic" / "customer-profile.js"
    if not built.is_file():
        pytest.skip("no dist/dynamic/customer-profile.js in this checkout")
    manifest = json.loads(resources.files("superset_customer_profile").joinpath("static/manifest.json").read_text())
    assert manifest["sha256"] == hashlib.sha256(built.read_bytes()).hexdigest()


def test_a_repeat_visit_is_answered_304_from_the_etag(client):
    url = _bundle_url(client)
    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_head_answers_without_a_body(client):
    response = client.head(_bundle_url(client))
    assert response.status_code == 200
    assert response.get_data() == b""


@pytest.mark.parametrize(
    "name", ["manifest.json", "customer-profile.js", "../blueprint.py", "customer-profile.0000000000000000.js"]
)
def test_no_other_file_is_served(client, name):
    assert client.get(f"/customer-profile/static/{name}").status_code == 404


def test_the_bundle_is_public_like_any_static_asset(client):
    # Browsers fetch it through import() after the list allowed them; the file holds no data.
    url = _bundle_url(client)
    anonymous = client.application.test_client()
    assert anonymous.get(url).status_code == 200
