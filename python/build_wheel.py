"""Build the wheel: python/ + the dynamic bundle -> dist/superset_plugin_chart_customer_profile-<version>-py3-none-any.whl

Run by `npm run build:wheel` after `npm run build:dynamic`. The bundle is copied in under a content-hashed name
(customer-profile.<sha256:16>.js) with a manifest the blueprint reads, so the URL changes whenever the bundle does
and may be cached for good. The version is package.json's, so the two distributions always carry the same number.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BUNDLE = REPO / "dist" / "dynamic" / "customer-profile.js"
STAGE = REPO / "dist" / "wheel-build"
OUT = REPO / "dist"
DIST_NAME = "superset_plugin_chart_customer_profile"


def main() -> int:
    if not BUNDLE.is_file():
        print(f"build_wheel: {BUNDLE} is missing; run `npm run build:dynamic` first", file=sys.stderr)
        return 1
    package = json.loads((REPO / "package.json").read_text("utf-8"))
    version = package["version"]

    shutil.rmtree(STAGE, ignore_errors=True)
    shutil.copytree(HERE / "src", STAGE / "src", ignore=shutil.ignore_patterns("__pycache__", "static"))
    shutil.copy2(HERE / "README.md", STAGE / "README.md")
    pyproject = (HERE / "pyproject.toml").read_text("utf-8")
    pyproject, count = re.subn(r'(?m)^version = "[^"]*"$', f'version = "{version}"', pyproject, count=1)
    if count != 1:
        print("build_wheel: no `version = ...` line in python/pyproject.toml", file=sys.stderr)
        return 1
    (STAGE / "pyproject.toml").write_text(pyproject, "utf-8")

    data = BUNDLE.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    name = f"customer-profile.{sha256[:16]}.js"
    static = STAGE / "src" / "superset_customer_profile" / "static"
    static.mkdir(parents=True)
    (static / name).write_bytes(data)
    manifest = {
        "version": version,
        "key": "customer_profile",
        "name": "Customer Profile 360",
        "bundle": name,
        "sha256": sha256,
        "bytes": len(data),
    }
    (static / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")

    for old in OUT.glob(f"{DIST_NAME}-*.whl"):
        old.unlink()
    # Build isolation fetches setuptools>=61 from the package index, whatever the calling Python has.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(OUT), str(STAGE)],
        check=True,
    )
    wheels = sorted(OUT.glob(f"{DIST_NAME}-*.whl"))
    if len(wheels) != 1:
        print(f"build_wheel: expected one wheel in {OUT}, found {wheels}", file=sys.stderr)
        return 1
    print(f"{wheels[0]} (bundle {name}, {len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
