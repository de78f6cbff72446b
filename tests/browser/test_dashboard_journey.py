"""A quarter's return by form, then the QA subgroup's reading of it, with axe on each page type.

Journey (issue 5): the police's agency lead enters this quarter's Operation Encompass figures
by form (a numerator above its denominator is refused first, with nothing saved); the chair
opens the dashboard and the exceptions page, reads the indicator's SPC chart, adds commentary
and raises a challenge; the agency lead answers it.

Seven earlier quarters of the indicator are stored directly: history is what the UI cannot
create in one sitting.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from .helpers import assert_accessible, heading, path_of, sign_in, sign_out, submit, visit
from .journeys import click, main_text, submit_and_expect_error

CODE = "ENCOMPASS_NEXT_DAY"
TITLE = "Operation Encompass notifications by the next school day"
POLICE = "Fellshire Constabulary"
# Steady around the 95% target for seven quarters; this quarter's 70% breaks the pattern.
HISTORY = (96, 97, 95, 96, 97, 96, 95)
QUESTION = "What stopped next-day notifications to schools this quarter?"
ANSWER = "The overnight team lost access to the schools contact list; access is now restored."


@pytest.fixture
def quarters(personas):
    """The catalogue, the child population, eight quarters up to this one, seven with values."""
    from safeguarding_qa.indicators import rules
    from safeguarding_qa.indicators.models import Indicator, IndicatorValue
    from safeguarding_qa.indicators.services.setup import (
        indicators_seed,
        period_ensure,
        population_set,
    )

    indicators_seed()
    starts = [rules.quarter_start(timezone.localdate())]
    while len(starts) < 8:
        starts.insert(0, rules.quarter_start(starts[0] - timedelta(days=1)))
    for year in {rules.financial_year_of(start) for start in starts}:
        population_set(year=year, count=81_000)
    periods = [period_ensure(start=start) for start in starts]
    encompass = Indicator.objects.get(code=CODE)
    assert encompass.organisation.name == POLICE
    for period, percent in zip(periods, HISTORY, strict=False):
        IndicatorValue.objects.create(
            indicator=encompass,
            period=period,
            numerator=Decimal(percent),
            denominator=Decimal(100),
            value=Decimal(percent),
            source="form",
            submitted_at=timezone.now(),
        )
    return periods


def _encompass_inputs(page: Page):
    return page.locator("main fieldset").filter(has_text=CODE)


def _lead_enters_this_quarter(page: Page, this_quarter) -> None:
    from safeguarding_qa.indicators.models import IndicatorValue

    sign_in(page, "lead_police")
    visit(page, "/dashboard/returns/")
    assert heading(page) == f"Returns for {this_quarter.label}"
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Enter or change {POLICE}'s return").click()
    assert heading(page) == f"{POLICE} return for {this_quarter.label}"
    assert_accessible(page)

    # A mistake first: more notifications than incidents. Nothing is saved.
    inputs = _encompass_inputs(page)
    inputs.get_by_label("Numerator").fill("120")
    inputs.get_by_label("Denominator").fill("100")
    summary = submit_and_expect_error(page)
    assert "The numerator cannot be more than the denominator" in summary, summary
    assert not IndicatorValue.objects.filter(period=this_quarter).exists()

    inputs = _encompass_inputs(page)
    inputs.get_by_label("Numerator").fill("70")
    inputs.get_by_label("Denominator").fill("100")
    submit(page)
    assert path_of(page) == "/dashboard/returns/"
    assert f"The return for {this_quarter.label} has been saved: 1 new" in main_text(page)
    assert_accessible(page)
    sign_out(page)


def _chair_reads_the_dashboard(page: Page, this_quarter) -> None:
    sign_in(page, "chair")
    visit(page, "/dashboard/")
    assert heading(page).startswith("Performance dashboard")
    assert this_quarter.label in heading(page)
    row = page.locator("main tr").filter(has_text=TITLE)
    assert "70" in row.inner_text()
    assert_accessible(page)

    visit(page, "/dashboard/exceptions/")
    assert heading(page).startswith("Exceptions")
    exception = page.locator("main tr").filter(has_text=TITLE)
    assert exception.count() == 1, "This quarter's drop is not listed as an exception"
    assert POLICE in exception.inner_text()
    assert_accessible(page)

    click(page, TITLE)
    assert path_of(page) == f"/dashboard/indicators/{CODE}/"
    assert heading(page) == TITLE
    text = main_text(page)
    assert "Mean and process limits" in text, "No SPC chart with eight quarters of data"
    assert page.locator("main figure svg").count() == 1
    assert "Special cause variation: concern" in text
    assert "beyond a process limit" in text
    assert_accessible(page)


def _chair_comments_and_challenges(page: Page) -> str:
    click(page, "Add commentary")
    assert_accessible(page)
    summary = submit_and_expect_error(page)
    assert "Enter the commentary." in summary
    page.get_by_label("Commentary").fill(
        "The subgroup notes the drop and asks the force for its recovery plan."
    )
    submit(page)
    assert path_of(page) == f"/dashboard/indicators/{CODE}/"
    assert "recovery plan" in main_text(page)

    click(page, "Raise a challenge")
    assert_accessible(page)
    page.get_by_label("Question for the organisation").fill(QUESTION)
    submit(page)
    challenge_path = path_of(page)
    assert heading(page) == f"Challenge on {TITLE}"
    assert f"Your challenge has been put to {POLICE}." in main_text(page)
    assert_accessible(page)
    sign_out(page)
    return challenge_path


def _lead_answers(page: Page, challenge_path: str) -> None:
    sign_in(page, "lead_police")
    visit(page, "/dashboard/challenges/")
    assert heading(page) == "Challenge log"
    assert_accessible(page)
    click(page, QUESTION)
    assert path_of(page) == challenge_path
    click(page, "Respond")
    assert_accessible(page)
    page.get_by_label("Your response").fill(ANSWER)
    submit(page)
    assert path_of(page) == challenge_path
    text = main_text(page)
    assert "Your response has been saved." in text
    assert ANSWER in text
    assert_accessible(page)


def test_a_quarter_is_returned_read_and_challenged(page: Page, quarters) -> None:
    page.set_default_timeout(10_000)
    this_quarter = quarters[-1]
    _lead_enters_this_quarter(page, this_quarter)
    _chair_reads_the_dashboard(page, this_quarter)
    challenge_path = _chair_comments_and_challenges(page)
    _lead_answers(page, challenge_path)
