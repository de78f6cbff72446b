"""Steps the area journeys share: follow a link or press a button, fill a date, read the page."""

from __future__ import annotations

from datetime import date
from typing import Literal

from playwright.sync_api import Locator, Page

from .helpers import assert_accessible, submit


def click(page: Page, name: str, *, role: Literal["link", "button"] = "link") -> None:
    """Follow the first link (or press the first button) in <main> with exactly this name."""
    with page.expect_navigation():
        page.locator("main").get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state("load")


def fill_date(scope: Page | Locator, legend: str, day: date) -> None:
    """Type a date into the GOV.UK date input whose fieldset has this legend."""
    group = scope.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def main_text(page: Page) -> str:
    """What the <main> element says, with runs of white space made single spaces."""
    return " ".join(page.locator("main").inner_text().split())


def error_summary(page: Page) -> str:
    """The text of the page's GOV.UK error summary, which must be there."""
    summary = page.locator(".govuk-error-summary")
    assert summary.count() == 1, f"No error summary on {page.url}"
    return " ".join(summary.inner_text().split())


def submit_and_expect_error(page: Page, form_selector: str = "main form") -> str:
    """Submit a form that must be refused: the title says so, the summary is accessible."""
    submit(page, form_selector)
    assert page.title().startswith("Error:"), f"{page.url} accepted the form"
    assert_accessible(page)
    return error_summary(page)
