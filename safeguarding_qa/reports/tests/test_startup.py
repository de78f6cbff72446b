"""Django's start-up must not import the heavy renderers (WeasyPrint, matplotlib,
python-docx): web workers that never make a file should not pay for them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("weasyprint", "matplotlib", "docx")
PROBE = (
    "import django, json, sys; django.setup(); "
    "from django.urls import get_resolver; get_resolver().url_patterns; "
    f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
)


def test_start_up_and_url_loading_import_no_heavy_renderer():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(  # noqa: S603  (our own interpreter, fixed arguments)
        [sys.executable, "-c", PROBE],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == []


def test_the_probe_would_notice_a_heavy_import():
    """The same probe, after importing the PDF fetcher, reports WeasyPrint: the check
    above is not empty by construction."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    probe = PROBE.replace(
        "get_resolver().url_patterns; ",
        "get_resolver().url_patterns; import safeguarding_qa.reports.renderers.fetcher; ",
    )
    result = subprocess.run(  # noqa: S603  (our own interpreter, fixed arguments)
        [sys.executable, "-c", probe],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["weasyprint"]
