"""A serious incident from notification to the rapid review's decision, with axe on each page.

Journey (issue 10): the chair, a member of the practice review group, records a serious
incident and sees its statutory deadlines; records the notification to the national panel,
which then shows as met; and records the rapid review, deciding on a local child
safeguarding practice review (a decision without its rationale is refused first), which adds
the local review's publication deadline.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from safeguarding_qa.demo.builder import ensure_colleagues, ensure_groups

from .helpers import assert_accessible, heading, path_of, sign_in, submit, visit
from .journeys import click, fill_date, main_text, submit_and_expect_error

REFERENCE = "Child R"
LCSPR = "Commission a local child safeguarding practice review"
RATIONALE = "Agencies missed repeated signs of neglect; the learning reaches across the system."


@pytest.fixture
def review_group(personas, organisations):
    """The demo's groups, so that the chair is a member of the practice review group."""
    return ensure_groups(personas, ensure_colleagues(organisations, count=6))


def _day(when: date) -> str:
    """A date as the deadlines table shows it, e.g. 7 Dec 2026."""
    return f"{when.day} {when:%b %Y}"


def _deadline_row(page: Page, label: str) -> str:
    row = page.locator("main table tr").filter(has_text=label)
    assert row.count() == 1, f"No deadline row for {label!r}"
    return " ".join(row.inner_text().split())


def _record_the_incident(page: Page, aware_on: date) -> str:
    from safeguarding_qa.reviews.workingdays import add_working_days

    visit(page, "/reviews/incidents/")
    assert_accessible(page)
    click(page, "Record a serious incident")
    assert heading(page) == "Record a serious incident"
    assert_accessible(page)

    # A mistake first: nothing filled in, nothing recorded.
    summary = submit_and_expect_error(page)
    assert "Enter a pseudonymous reference" in summary

    page.get_by_label("Pseudonymous reference").fill(REFERENCE)
    fill_date(page, "Date the local authority became aware", aware_on)
    page.get_by_label("The child died or was seriously harmed").check()
    page.get_by_label("Abuse or neglect is known or suspected").check()
    page.get_by_label("Summary", exact=True).fill(
        "A two-year-old was admitted to hospital malnourished after months of missed health visits."
    )
    page.get_by_label("Brackenmoor Hospitals NHS Trust", exact=True).check()
    page.get_by_label("Brackenmoor Council Children's Services", exact=True).check()
    submit(page)
    incident_path = path_of(page)
    assert heading(page) == f"Serious incident {REFERENCE}"
    assert f"{REFERENCE} has been recorded. Its deadlines are below." in main_text(page)

    # Then its statutory deadlines are shown, counted in working days from awareness
    notify = _deadline_row(page, "Notify the national panel")
    assert _day(add_working_days(aware_on, 5)) in notify
    assert "Not yet" in notify
    rapid = _deadline_row(page, "Send the rapid review to the national panel")
    assert _day(add_working_days(aware_on, 15)) in rapid
    assert_accessible(page)
    return incident_path


def _record_the_notification(page: Page, incident_path: str, today: date) -> None:
    click(page, "Record the notification")
    assert heading(page).startswith("Record the notification to the national panel")
    assert_accessible(page)
    fill_date(page, "Date the notification was sent", today)
    submit(page)
    assert path_of(page) == incident_path
    assert "The notification has been recorded." in main_text(page)
    notify = _deadline_row(page, "Notify the national panel")
    assert _day(today) in notify and "Met" in notify
    assert page.locator("main").get_by_role("link", name="Record the notification").count() == 0


def _record_the_rapid_review(page: Page, incident_path: str, today: date) -> None:
    from safeguarding_qa.reviews.models import SeriousIncident
    from safeguarding_qa.reviews.workingdays import add_months

    click(page, "Record the rapid review")
    assert heading(page).startswith("Record the rapid review")
    assert_accessible(page)
    fill_date(page, "Date of the rapid review meeting", today)
    page.get_by_label("Attendance", exact=True).fill(
        "Children's social care, the hospital trust, police, health visiting and education."
    )
    page.get_by_label("Learning identified (optional)").fill(
        "Missed health appointments were not shared with children's social care."
    )
    page.get_by_label(LCSPR).check()

    # A decision without its rationale or date is refused, and nothing is decided.
    summary = submit_and_expect_error(page)
    assert "Enter the rationale for the decision" in summary
    assert SeriousIncident.objects.get(reference=REFERENCE).decision == ""

    page.get_by_label("Rationale for the decision (optional)").fill(RATIONALE)
    fill_date(page, "Date of the decision (optional)", today)
    submit(page)
    assert path_of(page) == incident_path
    text = main_text(page)
    assert "The rapid review has been recorded." in text
    assert RATIONALE in text
    lcspr = _deadline_row(page, "Complete and publish the local review")
    assert _day(add_months(today, 6)) in lcspr
    assert page.locator("main").get_by_role("link", name="Commission the local review").count()
    assert_accessible(page)


def test_a_serious_incident_is_recorded_notified_and_reviewed(page: Page, review_group) -> None:
    page.set_default_timeout(10_000)
    today = timezone.localdate()
    sign_in(page, "chair")
    incident_path = _record_the_incident(page, today - timedelta(days=2))
    _record_the_notification(page, incident_path, today)
    _record_the_rapid_review(page, incident_path, today)
