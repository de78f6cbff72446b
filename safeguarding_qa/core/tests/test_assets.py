"""The compiled front end uses Arial, never the GOV.UK-only GDS Transport font."""

from __future__ import annotations

from pathlib import Path

BUILD = Path(__file__).resolve().parents[2] / "static" / "build"


def test_compiled_css_uses_arial_and_not_gds_transport():
    css = (BUILD / "app.css").read_text()  # built by `make setup` (node frontend/build.mjs)
    assert "GDS Transport" not in css
    assert "font-family:arial,sans-serif" in css


def test_no_govuk_brand_fonts_are_shipped():
    assert not list(BUILD.rglob("*.woff*"))


def test_javascript_initialises_govuk_frontend_as_a_module():
    init = (BUILD / "init.mjs").read_text()
    assert 'import { initAll } from "./govuk-frontend.min.js";' in init
    assert (BUILD / "govuk-frontend.min.js").stat().st_size > 10_000
