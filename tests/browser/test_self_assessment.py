"""A Section 11 round from opening to moderation, with axe on every page visited.

Journey: the administrator opens a round; the police's agency lead answers every standard
and submits; the chair challenges a rating; the heat-map shows the round.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from .helpers import assert_accessible, heading, path_of, sign_in, sign_out, submit, visit

FRAMEWORK = "Section 11 self-assessment"
POLICE = "Fellshire Constabulary"
COUNCIL = "Brackenmoor Council Children's Services"


@pytest.fixture
def frameworks(personas):
    """The seeded frameworks (the live server's database is emptied between tests)."""
    from safeguarding_qa.selfassessment.models import Framework, Standard
    from safeguarding_qa.selfassessment.seeds import ensure_frameworks

    ensure_frameworks(Framework, Standard)


def _click(page: Page, name: str, *, role: Literal["link", "button"] = "link") -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state("load")


def _fill_date(page: Page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _admin_opens_a_round(page: Page) -> str:
    sign_in(page, "admin")
    visit(page, "/self-assessment/")
    assert heading(page) == "Self-assessment"
    assert_accessible(page)

    _click(page, "Open a round")
    assert_accessible(page)

    # A mistake first: nothing is saved and the errors are accessible.
    page.get_by_label("Year the round starts").fill("")
    submit(page)
    assert page.title().startswith("Error:")
    assert_accessible(page)

    today = timezone.localdate()
    page.get_by_label(FRAMEWORK, exact=True).check()
    page.get_by_label("Year the round starts").fill(str(today.year))
    _fill_date(page, "Opens on", today)
    _fill_date(page, "Returns due on", today + timedelta(days=28))
    page.get_by_label(POLICE, exact=True).check()
    page.get_by_label(COUNCIL, exact=True).check()
    submit(page)
    round_path = path_of(page)
    assert round_path.startswith("/self-assessment/rounds/"), page.url
    assert POLICE in page.locator("main").inner_text()
    assert_accessible(page)

    sign_out(page)
    return round_path


def _lead_answers_and_submits(page: Page, round_path: str) -> None:
    sign_in(page, "lead_police")
    visit(page, round_path)
    assert_accessible(page)
    _click(page, POLICE)
    return_path = path_of(page)
    assert_accessible(page)

    answers = page.locator("main").get_by_role("link", name="Answer standard")
    count = answers.count()
    assert count > 0
    for number in range(count):
        with page.expect_navigation():
            answers.first.click()
        assert_accessible(page)
        rating = "Amber" if number == 0 else "Green"
        page.get_by_label(rating, exact=True).check()
        page.get_by_label("Evidence", exact=True).fill(
            f"Standard {number + 1}: audited in the force's annual safeguarding review."
        )
        if number == 0:
            page.get_by_label("Planned actions (optional)").fill(
                "Refresh the supervision audit tool by March."
            )
        submit(page)
        assert path_of(page) == return_path, page.url
    assert_accessible(page)

    _click(page, "Submit the return", role="button")
    assert_accessible(page)
    submit(page)
    assert path_of(page) == return_path
    assert "Submitted" in page.locator("main").inner_text()
    assert_accessible(page)
    sign_out(page)


def _chair_challenges(page: Page, round_path: str) -> None:
    sign_in(page, "chair")
    visit(page, round_path)
    assert_accessible(page)
    _click(page, POLICE)
    return_path = path_of(page)
    assert_accessible(page)

    _click(page, "Moderate standard 1")
    assert_accessible(page)
    page.get_by_label("Challenge the rating", exact=True).check()
    submit(page)
    assert page.title().startswith("Error:"), "A challenge without a note was accepted"
    assert_accessible(page)
    page.get_by_label("Challenge the rating", exact=True).check()
    page.get_by_label("Note to the organisation").fill(
        "Please show how supervision audits reached frontline response officers."
    )
    submit(page)
    assert path_of(page) == return_path, page.url
    assert "Challenged" in page.locator("main").inner_text()
    assert_accessible(page)

    # And one standard across organisations shows the police's answer
    visit(page, round_path)
    with page.expect_navigation():
        page.locator("main a[href*='/standards/']").first.click()
    assert POLICE in page.locator("main").inner_text()
    assert_accessible(page)

    # Then the heat-map shows the round
    visit(page, round_path)
    _click(page, "Heat-map and change")
    assert "heat-map" in path_of(page)
    assert POLICE in page.locator("main").inner_text()
    assert_accessible(page)


def test_a_round_is_opened_answered_submitted_and_moderated(page: Page, frameworks) -> None:
    page.set_default_timeout(10_000)
    round_path = _admin_opens_a_round(page)
    _lead_answers_and_submits(page, round_path)
    _chair_challenges(page, round_path)
