"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Every test in this folder is marked ``browser``. Without Chromium the tests are skipped with
a clear reason, unless ``BROWSER_TESTS_REQUIRED=1`` (as in CI), when a missing browser fails
the test and any skipped browser test fails the whole run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

from .helpers import watch_for_problems

# Playwright's sync API runs an event loop in the main thread; Django would otherwise refuse
# database access from the test itself ("You cannot call this from an async context").
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
CHROMIUM_PATHS = ("/usr/bin/chromium",)
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium() -> str | None:
    """Debian's Chromium; Playwright never downloads a browser of its own here.

    ``CHROMIUM_PATH`` names another executable (and only that one) when set.
    """
    chosen = os.environ.get("CHROMIUM_PATH")
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
    for candidate in CHROMIUM_PATHS:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


def browser_tests_required() -> bool:
    return os.environ.get("BROWSER_TESTS_REQUIRED", "") == "1"


def _in_this_folder(item: pytest.Item) -> bool:
    return HERE in Path(str(item.path)).resolve().parents


def pytest_configure(config: pytest.Config) -> None:
    # pytest-playwright's own fallback ``base_url`` fixture triggers this; not ours to fix.
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods"
        ":pytest.PytestRemovedIn10Warning",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees every collected item in the session, not just this folder's.
    for item in items:
        if _in_this_folder(item):
            item.add_marker(pytest.mark.browser)


_skipped_browser_tests: list[str] = []
_ran_browser_tests: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "browser" not in report.keywords:
        return
    if report.skipped:
        _skipped_browser_tests.append(report.nodeid)
    elif report.when == "call":
        _ran_browser_tests.append(report.nodeid)


def _refusals() -> list[str]:
    """Why this run must fail when browser tests are required; empty when all is well."""
    if not browser_tests_required():
        return []
    problems = [f"skipped: {nodeid}" for nodeid in _skipped_browser_tests]
    if not _ran_browser_tests:
        problems.append("no browser test ran")
    return problems


def _is_xdist_worker(config: pytest.Config) -> bool:
    # Workers see only their share of the tests; the controller receives every report.
    return hasattr(config, "workerinput")


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if _is_xdist_worker(config):
        return
    problems = _refusals()
    if problems:
        terminalreporter.section("BROWSER_TESTS_REQUIRED=1", sep="=", red=True)
        for problem in problems:
            terminalreporter.write_line(problem, red=True)
        terminalreporter.write_line("Browser tests are required here: this run fails.", red=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _is_xdist_worker(session.config):
        return
    if _refusals() and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before any fixture (database, live server, browser): skip, or fail, without Chromium."""
    if not _in_this_folder(item) or find_chromium() is not None:
        return
    if os.environ.get("CHROMIUM_PATH"):
        reason = f"CHROMIUM_PATH={os.environ['CHROMIUM_PATH']} is not an executable"
    else:
        reason = "Debian's Chromium is not installed (apt-get install chromium fonts-liberation2)"
    if browser_tests_required():
        pytest.fail(f"BROWSER_TESTS_REQUIRED=1 but {reason}.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": find_chromium() or CHROMIUM_PATHS[0],
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any], live_server: Any) -> dict[str, Any]:
    # Relative URLs in page.goto() go to the live server; en-GB like the service.
    return {**browser_context_args, "base_url": live_server.url, "locale": "en-GB"}


@pytest.fixture
def page(context: BrowserContext, live_server: Any) -> Iterator[Page]:
    """A page that records JavaScript errors, CSP refusals and failed static files."""
    new_page = context.new_page()
    problems = watch_for_problems(new_page)
    yield new_page
    assert problems == [], "The browser reported problems:\n" + "\n".join(problems)
