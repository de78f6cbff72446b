"""A 7-minute briefing from draft to dissemination, then the reports, with axe on every page.

Journey: the chair drafts, approves and publishes a briefing; anyone signed out reads it on
the public page; the council's agency lead records its dissemination; the reports page and
the annual report preview render.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from django.utils import timezone
from playwright.sync_api import Page

from .helpers import assert_accessible, heading, path_of, sign_in, sign_out, submit, visit

TITLE = "Professional curiosity when a child is home educated"
COUNCIL = "Brackenmoor Council Children's Services"


def _click(page: Page, name: str, *, role: Literal["link", "button"] = "link") -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state("load")


def _chair_drafts_approves_and_publishes(page: Page) -> str:
    sign_in(page, "chair")
    visit(page, "/learning/")
    assert heading(page) == "Learning briefings"
    assert_accessible(page)

    _click(page, "Draft a briefing")
    assert_accessible(page)

    # A mistake first: no title, so nothing is saved and the error is accessible.
    submit(page)
    assert page.title().startswith("Error:")
    assert_accessible(page)

    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Summary (optional)").fill(
        "What the March audit found about children educated at home."
    )
    sections = page.locator("main textarea")
    assert sections.count() == 7
    for number in range(7):
        sections.nth(number).fill(
            f"Section {number + 1}: practitioners checked who sees the child each week.\n"
            "Ask about the child's day in their own words."
        )
    submit(page)
    detail_path = path_of(page)
    assert heading(page) == TITLE
    assert_accessible(page)

    _click(page, "Approve")
    assert_accessible(page)
    _click(page, "Approve briefing", role="button")
    assert path_of(page) == detail_path
    assert_accessible(page)

    _click(page, "Publish")
    assert_accessible(page)
    _click(page, "Publish briefing", role="button")
    assert path_of(page) == detail_path
    assert "Published" in page.locator("main").inner_text()
    assert_accessible(page)

    sign_out(page)
    assert_accessible(page)
    return detail_path


def _public_reads_it(page: Page) -> None:
    visit(page, "/learning/published/")
    assert_accessible(page)
    _click(page, TITLE)
    assert heading(page) == TITLE
    main = page.locator("main").inner_text()
    assert "Section 7" in main
    assert "dissemination" not in main.lower()
    assert_accessible(page)
    pdf = page.request.get(
        page.get_by_role("link", name="Download this briefing as a PDF").get_attribute("href") or ""
    )
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"


def _lead_records_dissemination(page: Page, detail_path: str) -> None:
    sign_in(page, "lead_council")
    visit(page, detail_path)
    assert_accessible(page)
    _click(page, "Record your organisation's dissemination")
    assert_accessible(page)

    # A mistake first: no date, method or number.
    submit(page)
    assert page.title().startswith("Error:")
    assert_accessible(page)

    cascaded = timezone.localdate() - timedelta(days=3)
    page.get_by_label("Organisation").select_option(label=COUNCIL)
    page.get_by_label("Day").fill(str(cascaded.day))
    page.get_by_label("Month").fill(str(cascaded.month))
    page.get_by_label("Year").fill(str(cascaded.year))
    page.get_by_label("Group supervision", exact=True).check()
    page.get_by_label("How many staff did it reach?").fill("42")
    page.get_by_label("Feedback from staff (optional)").fill(
        "Teams asked for the home education contacts list."
    )
    submit(page)
    assert path_of(page) == detail_path
    assert "42" in page.locator("main").inner_text()
    assert_accessible(page)


def _reports_render(page: Page) -> None:
    visit(page, "/reports/")
    assert heading(page) == "Reports"
    assert_accessible(page)

    visit(page, "/reports/annual/")
    assert "annual report" in heading(page).lower()
    assert_accessible(page)


def test_a_briefing_is_published_read_and_cascaded(page: Page, personas) -> None:
    page.set_default_timeout(10_000)
    detail_path = _chair_drafts_approves_and_publishes(page)
    _public_reads_it(page)
    _lead_records_dissemination(page, detail_path)
    _reports_render(page)
