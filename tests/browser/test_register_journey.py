"""A recommendation from the register's form to a signed-off action, with axe on each page type.

Journey (issue 4): the chair adds a recommendation with actions for the police and the
council; the police's agency lead records progress with an evidence file; the chair signs the
action off; marking the recommendation embedded without impact evidence is refused with a
clear message and changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import FilePayload, Page

from .helpers import assert_accessible, heading, path_of, sign_in, sign_out, submit, visit
from .journeys import click, fill_date, main_text, submit_and_expect_error

TITLE = "Hear from fathers in neglect assessments"
POLICE = "Fellshire Constabulary"
COUNCIL = "Brackenmoor Council Children's Services"
POLICE_ACTION = "Brief every public protection officer on recording fathers in PPNs."
COUNCIL_ACTION = "Add a prompt about fathers to the single assessment template."
EVIDENCE_NAME = "ppn-briefing-attendance.txt"


def _chair_adds_the_recommendation(page: Page) -> str:
    sign_in(page, "chair")
    visit(page, "/register/")
    assert heading(page) == "Recommendations register"
    assert_accessible(page)
    click(page, "Add a recommendation")
    assert_accessible(page)

    # A mistake first: no title or text, so nothing is saved.
    summary = submit_and_expect_error(page)
    assert "Enter a short title" in summary
    assert "Enter the recommendation" in summary

    page.get_by_label("Short title").fill(TITLE)
    page.get_by_label("Recommendation", exact=True).fill(
        "Every agency should identify, and speak to, the fathers and father figures of "
        "children assessed for neglect."
    )
    page.get_by_label("Multi-agency strategic").check()
    page.get_by_label("Practice review", exact=True).check()
    page.get_by_label("Source (optional)").fill("Child R (rapid review)")
    page.get_by_label("Themes (optional)").fill("neglect, hidden men")
    submit(page)
    detail_path = path_of(page)
    assert heading(page).endswith(TITLE), heading(page)
    assert_accessible(page)

    due = timezone.localdate() + timedelta(days=90)
    for organisation, description in ((POLICE, POLICE_ACTION), (COUNCIL, COUNCIL_ACTION)):
        click(page, "Add an action")
        if organisation == POLICE:
            assert_accessible(page)
        page.get_by_label("Organisation", exact=True).select_option(label=organisation)
        page.get_by_label("What the organisation will do").fill(description)
        fill_date(page, "Due date", due)
        page.get_by_label("High", exact=True).check()
        submit(page)
        assert path_of(page) == detail_path, page.url
        assert f"The action for {organisation} has been added." in main_text(page)
    actions = page.locator("main table").filter(has_text=POLICE)
    assert COUNCIL in actions.inner_text()
    assert_accessible(page)
    sign_out(page)
    return detail_path


def _police_lead_records_progress(page: Page) -> str:
    sign_in(page, "lead_police")
    visit(page, "/register/actions/")
    assert heading(page) == "My organisation's actions"
    text = main_text(page)
    assert POLICE_ACTION[:60] in text
    assert COUNCIL_ACTION[:60] not in text, "An agency lead sees another organisation's action"
    assert_accessible(page)

    click(page, POLICE_ACTION)
    action_path = path_of(page)
    assert heading(page) == f"Action for {POLICE}"
    assert_accessible(page)
    click(page, "Record progress")
    assert_accessible(page)

    # A mistake first: an update that says nothing is refused.
    summary = submit_and_expect_error(page)
    assert "Describe the progress made" in summary

    page.get_by_label("Progress made").fill(
        "All 38 public protection officers attended the briefing; the PPN form now asks who "
        "the child's father is."
    )
    page.get_by_label("Completed, awaiting sign-off").check()
    evidence = FilePayload(
        name=EVIDENCE_NAME,
        mimeType="text/plain",
        buffer=b"Briefing attendance: 38 of 38 officers, October.\n",
    )
    page.get_by_label("Evidence file (optional)").set_input_files(files=[evidence])
    submit(page)
    assert path_of(page) == action_path, page.url
    text = main_text(page)
    assert "Your progress update has been recorded." in text
    assert f"Download {EVIDENCE_NAME}" in text
    assert_accessible(page)
    sign_out(page)
    return action_path


def _chair_signs_off(page: Page, action_path: str) -> None:
    sign_in(page, "chair")
    visit(page, action_path)
    click(page, "Sign off")
    assert heading(page) == "Sign off the action"
    assert_accessible(page)
    page.get_by_label("Sign off: the action is achieved").check()
    page.get_by_label("Comment").fill("Attendance records seen at the October subgroup.")
    submit(page)
    assert path_of(page) == action_path
    text = main_text(page)
    assert "The action has been signed off." in text
    assert "Signed off" in text
    assert_accessible(page)


def _embedding_without_evidence_is_refused(page: Page, detail_path: str) -> None:
    from safeguarding_qa.recommendations.models import Recommendation

    visit(page, detail_path)
    click(page, "Mark as embedded")
    assert_accessible(page)
    assert "Add impact evidence first" in main_text(page)
    # The page offers no way to confirm, and nothing has changed.
    assert page.locator("main").get_by_role("button", name="Mark as embedded").count() == 0
    recommendation = Recommendation.objects.get(title=TITLE)
    assert not recommendation.is_embedded
    assert recommendation.embedded_at is None


def test_a_recommendation_is_actioned_updated_and_signed_off(page: Page, personas) -> None:
    page.set_default_timeout(10_000)
    detail_path = _chair_adds_the_recommendation(page)
    action_path = _police_lead_records_progress(page)
    _chair_signs_off(page, action_path)
    _embedding_without_evidence_is_refused(page, detail_path)
