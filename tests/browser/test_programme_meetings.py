"""The administrator plans the year's work and runs a meeting, with axe on every page.

Journey: start a work programme, plan an item, arrange a meeting, add an agenda item,
record attendance and a decision, then download the meeting's calendar entry (ICS).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from safeguarding_qa.demo.builder import ensure_colleagues, ensure_groups

from .helpers import assert_accessible, heading, path_of, sign_in, submit, visit

MEETING_TITLE = "QA subgroup – October meeting"
ITEM_TITLE = "Neglect in pre-school children"
AGENDA_TITLE = "Neglect audit: scope and sample"
DECISION = "The subgroup agreed the scope of the neglect audit."


@pytest.fixture
def groups(personas, organisations):
    """The demo's groups (the QA subgroup with its members) for the meeting to belong to."""
    return ensure_groups(personas, ensure_colleagues(organisations, count=6))


def _click(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=name, exact=True).first.click()
    page.wait_for_load_state("load")


def _start_programme_and_plan_an_item(page: Page) -> str:
    visit(page, "/programme/")
    assert heading(page) == "Work programme"
    assert_accessible(page)

    _click(page, "Start a programme")
    assert_accessible(page)
    submit(page)
    programme_path = path_of(page)
    assert programme_path.startswith("/programme/"), page.url
    assert_accessible(page)

    _click(page, "Add an item")
    assert_accessible(page)
    page.get_by_label("Case file audit").check()
    page.get_by_label("Title", exact=True).fill(ITEM_TITLE)
    page.get_by_label("Theme (optional)").fill("Neglect")
    submit(page)
    assert path_of(page) == programme_path, page.url
    assert ITEM_TITLE in page.locator("main").inner_text()
    assert_accessible(page)
    return programme_path


def _arrange_a_meeting(page: Page, meeting_day: date) -> str:
    visit(page, "/meetings/")
    assert heading(page) == "Meetings"
    assert_accessible(page)

    _click(page, "Arrange a meeting")
    assert_accessible(page)

    # A mistake first: the error summary is accessible too, and nothing is saved.
    submit(page)
    assert page.title().startswith("Error:")
    assert page.locator(".govuk-error-summary").count() == 1
    assert_accessible(page)

    page.get_by_label("Group").select_option(label="Quality Assurance Subgroup")
    page.get_by_label("Title").fill(MEETING_TITLE)
    page.get_by_label("Day").fill(str(meeting_day.day))
    page.get_by_label("Month").fill(str(meeting_day.month))
    page.get_by_label("Year").fill(str(meeting_day.year))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Place (optional)").fill("Committee Room 2, Brackenmoor Civic Centre")
    submit(page)
    assert heading(page) == MEETING_TITLE
    assert_accessible(page)
    return path_of(page)


def _add_agenda_item(page: Page) -> None:
    _click(page, "Add an agenda item")
    assert_accessible(page)
    page.get_by_label("Item", exact=True).fill(AGENDA_TITLE)
    page.get_by_label("Presented by (optional)").fill("QA lead")
    submit(page)
    assert AGENDA_TITLE in page.locator("#agenda ~ table, main").first.inner_text()
    assert_accessible(page)


def _record_attendance(page: Page) -> None:
    _click(page, "Record attendance")
    assert_accessible(page)
    groups = page.locator("main fieldset")
    assert groups.count() > 0, "No members to record attendance for"
    for index in range(groups.count()):
        choice = "Present" if index % 3 else "Sent apologies"
        groups.nth(index).get_by_label(choice, exact=True).check()
    submit(page)
    assert "Present" in page.locator("main").inner_text()
    assert_accessible(page)


def _record_decision(page: Page) -> None:
    _click(page, "Record a decision")
    assert_accessible(page)
    page.get_by_label("Decision", exact=True).fill(DECISION)
    page.get_by_label("Agenda item (optional)").select_option(label=f"1. {AGENDA_TITLE}")
    submit(page)
    assert DECISION in page.locator("main").inner_text()
    assert_accessible(page)


def _record_membership_review(page: Page, groups) -> None:
    qa = next(group for group in groups if group.name == "Quality Assurance Subgroup")
    visit(page, f"/partnership/groups/{qa.pk}/")
    assert_accessible(page)
    _click(page, "Membership reviews of Quality Assurance Subgroup")
    assert_accessible(page)
    _click(page, "Record a membership review")
    assert_accessible(page)

    # "Changes made" without saying which: refused, with an accessible error.
    reviewed = timezone.localdate()
    page.get_by_label("Day").fill(str(reviewed.day))
    page.get_by_label("Month").fill(str(reviewed.month))
    page.get_by_label("Year").fill(str(reviewed.year))
    page.get_by_label("Changes made to the membership", exact=True).check()
    submit(page)
    assert page.title().startswith("Error:")
    assert_accessible(page)

    page.get_by_label("Changes made (needed when the membership changed)").fill(
        "Invited the probation delivery unit's safeguarding lead to join."
    )
    submit(page)
    assert "probation delivery unit" in page.locator("main").inner_text()
    assert_accessible(page)


def test_admin_plans_the_programme_and_runs_a_meeting(page: Page, groups) -> None:
    page.set_default_timeout(10_000)
    # Given the partnership administrator is signed in
    sign_in(page, "admin")

    # When they start this year's programme and plan an audit
    _start_programme_and_plan_an_item(page)

    # And arrange a meeting of the QA subgroup earlier this year
    today = timezone.localdate()
    meeting_day = date(today.year, 4, 16) if today.month >= 5 else date(today.year - 1, 10, 15)
    meeting_path = _arrange_a_meeting(page, meeting_day)

    # And add an agenda item, record attendance and a decision
    _add_agenda_item(page)
    _record_attendance(page)
    _record_decision(page)
    assert path_of(page) == meeting_path

    # Then the calendar entry downloads as an iCalendar event
    href = page.get_by_role("link", name="Add to calendar (ICS)").get_attribute("href")
    assert href
    response = page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    body = response.text()
    assert "BEGIN:VEVENT" in body
    assert "SUMMARY:QA subgroup" in body

    # And the attendance statistics page is accessible
    visit(page, "/meetings/attendance/")
    assert_accessible(page)

    # And the administrator records the group's yearly membership review
    _record_membership_review(page, groups)
