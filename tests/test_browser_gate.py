"""The browser tests' gate: skipped without Chromium, but fatal when CI requires them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import conftest as browser_conftest

ROOT = Path(__file__).resolve().parent.parent
ONE_BROWSER_TEST = "tests/browser/test_signed_out.py::test_signed_out_page_is_accessible"


def _run_one_browser_test_without_chromium(**environment: str) -> subprocess.CompletedProcess:
    # Only what the test says: drop the runner's own BROWSER_TESTS_REQUIRED, if any.
    env = {key: value for key, value in os.environ.items() if key != "BROWSER_TESTS_REQUIRED"}
    env.update(
        CHROMIUM_PATH="/nonexistent/chromium",
        # Its own in-memory SQLite database, never the PostgreSQL one this run is using.
        DATABASE_URL="sqlite:///:memory:",
        **environment,
    )
    return subprocess.run(  # noqa: S603  (our own test runner, fixed arguments)
        [sys.executable, "-m", "pytest", ONE_BROWSER_TEST, "-k", "privacy", "-q", "-rs"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_browser_tests_are_skipped_with_a_reason_when_chromium_is_missing() -> None:
    # Given no Chromium and browser tests not required, when a browser test runs
    result = _run_one_browser_test_without_chromium()

    # Then it is skipped, saying why, and the run passes
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
    assert "CHROMIUM_PATH=/nonexistent/chromium is not an executable" in result.stdout


def test_missing_chromium_fails_the_run_when_browser_tests_are_required() -> None:
    # Given no Chromium and BROWSER_TESTS_REQUIRED=1, when a browser test runs
    result = _run_one_browser_test_without_chromium(BROWSER_TESTS_REQUIRED="1")

    # Then the test errors and the run fails, saying that no browser test ran
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout + result.stderr
    assert "1 error" in result.stdout
    assert "no browser test ran" in result.stdout


def test_a_skipped_browser_test_fails_the_run_only_when_required(monkeypatch) -> None:
    # Given one browser test ran and one was skipped
    monkeypatch.setattr(browser_conftest, "_ran_browser_tests", ["tests/browser/a"])
    monkeypatch.setattr(browser_conftest, "_skipped_browser_tests", ["tests/browser/b"])

    # When browser tests are not required, then nothing is refused
    monkeypatch.delenv("BROWSER_TESTS_REQUIRED", raising=False)
    assert browser_conftest._refusals() == []

    # When they are required, then the skipped test is named as the reason to fail
    monkeypatch.setenv("BROWSER_TESTS_REQUIRED", "1")
    assert browser_conftest._refusals() == ["skipped: tests/browser/b"]
