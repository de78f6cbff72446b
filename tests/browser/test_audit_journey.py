"""A case file audit from set-up to the panel's collation, with axe on every new page type.

Journey (issue 3): the partnership administrator sets up an audit with aims from the question
bank, two cases and three agencies, assigns the police's auditor and opens returns; the
auditor completes and submits the police's return (a "no" without evidence is refused
first); the administrator moves the audit to the panel; the QA lead (a chair) opens the
collation, sees the police's answers beside the other agencies', and records panel grades.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from .helpers import assert_accessible, heading, path_of, sign_in, sign_out, submit, visit
from .journeys import click, fill_date, main_text, submit_and_expect_error

TITLE = "Neglect of pre-school children: multi-agency audit"
POLICE = "Fellshire Constabulary"
AGENCIES = (POLICE, "Brackenmoor Council Children's Services", "Brackenmoor Hospitals NHS Trust")
INFO_SHARING = "Standard multi-agency: Information was shared and communicated between agencies"
FATHERS = "Standard multi-agency: Men and fathers in the family were identified"
AUDITOR = "Callum Roskilly (Fellshire Constabulary)"


@pytest.fixture
def question_bank(personas):
    """The seeded bank and scales (the live server's database is emptied between tests)."""
    from safeguarding_qa.audits.models import GradingScale, Question, ScaleGrade
    from safeguarding_qa.audits.seed import seed_question_bank

    seed_question_bank(Question, GradingScale, ScaleGrade)


def _bank_question(page: Page, starts_with: str) -> None:
    page.locator("main label").filter(has_text=starts_with).first.click()


def _set_up_the_audit(page: Page) -> str:
    visit(page, "/audits/")
    assert heading(page) == "Audits"
    assert_accessible(page)
    click(page, "Set up an audit")
    assert_accessible(page)

    # A mistake first: an empty form saves nothing and says what is missing.
    summary = submit_and_expect_error(page)
    assert "Enter the audit's title" in summary
    assert "Select the organisations taking part" in summary

    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Theme", exact=True).fill("Neglect")
    page.get_by_label("Case file audit", exact=True).check()
    for agency in AGENCIES:
        page.get_by_label(agency, exact=True).check()
    page.get_by_label("Target number of cases").fill("2")
    fill_date(page, "Agency returns due (optional)", timezone.localdate() + timedelta(days=21))
    page.get_by_label("Grading scale").select_option(label="Ofsted four-point")
    submit(page)
    audit_path = path_of(page)
    assert heading(page) == TITLE, page.url
    assert POLICE in main_text(page)
    assert_accessible(page)
    return audit_path


def _add_aims_and_cases(page: Page, audit_path: str) -> None:
    click(page, "Add aims from the question bank")
    assert_accessible(page)
    _bank_question(page, INFO_SHARING)
    _bank_question(page, FATHERS)
    submit(page)
    assert path_of(page) == audit_path
    assert "2 aims added." in main_text(page)

    for reference, age_band in (("Case A", "Under 1"), ("Case B", "1 to 4")):
        click(page, "Add a case")
        if reference == "Case A":
            assert_accessible(page)
        page.get_by_label("Pseudonymous reference").fill(reference)
        page.get_by_label("Age band").select_option(label=age_band)
        page.get_by_label("Plan type").select_option(label="Child protection")
        page.get_by_label("Plan category").select_option(label="Neglect")
        submit(page)
        assert path_of(page) == audit_path, page.url
        assert f"{reference} has been added." in main_text(page)
    assert_accessible(page)


def _assign_and_open_returns(page: Page, audit_path: str) -> str:
    click(page, "Case A")
    case_path = path_of(page)
    assert heading(page) == "Case A"
    assert_accessible(page)
    click(page, "Assign an auditor")
    assert_accessible(page)
    page.get_by_label("Auditor").select_option(label=AUDITOR)
    submit(page)
    assert "Callum Roskilly, Fellshire Constabulary" in main_text(page)

    visit(page, audit_path)
    for stage in ("scoping", "returns open"):
        click(page, f"Move to {stage}")
        if stage == "scoping":
            assert_accessible(page)
        click(page, f"Move to {stage}", role="button")
        assert path_of(page) == audit_path
        assert f"is now at the {stage} stage" in main_text(page)
    assert "0 of 3" in main_text(page), "Opening returns made no returns for the cases"
    assert_accessible(page)
    return case_path


def _auditor_completes_the_police_return(page: Page, case_path: str) -> None:
    from safeguarding_qa.audits.choices import ReturnStatus
    from safeguarding_qa.audits.models import AgencyReturn

    sign_in(page, "auditor_police")
    visit(page, "/audits/")
    click(page, TITLE)
    click(page, "Case A")
    assert path_of(page) == case_path
    click(page, POLICE)
    return_path = path_of(page)
    assert heading(page) == f"{POLICE}: return on Case A"
    assert_accessible(page)
    click(page, "Complete this return")
    assert_accessible(page)

    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Aim 1: Information was shared").select_option(label="Good")
    # A "no" needs evidence: submitting without it is refused and nothing is submitted.
    page.get_by_label("Aim 2: Men and fathers").select_option(label="No")
    page.get_by_label("Overall grade").select_option(label="Good")
    summary = submit_and_expect_error(page)
    assert "Give the evidence for your answer to aim 2." in summary, summary
    police_return = AgencyReturn.objects.get(case__reference="Case A", organisation__name=POLICE)
    assert police_return.status != ReturnStatus.SUBMITTED

    page.get_by_label("Evidence for aim 2").fill(
        "The mother's partner was named in the PPN but never spoken to or checked on PNC."
    )
    page.get_by_label("Strengths", exact=True).fill("Domestic abuse notifications were prompt.")
    click(page, "Submit return", role="button")
    assert path_of(page) == return_path, page.url
    assert "The return has been submitted." in main_text(page)
    assert page.locator("main").get_by_role("link", name="Complete this return").count() == 0
    assert_accessible(page)
    sign_out(page)


def _admin_moves_to_panel(page: Page, audit_path: str) -> None:
    sign_in(page, "admin")
    visit(page, audit_path)
    assert "1 of 3" in main_text(page)
    click(page, "Move to panel")
    click(page, "Move to panel", role="button")
    assert "is now at the panel stage" in main_text(page)
    sign_out(page)


def _qa_lead_reads_the_collation(page: Page, audit_path: str) -> None:
    sign_in(page, "qa_lead")
    visit(page, audit_path)
    click(page, "Panel collation")
    collation_path = path_of(page)
    assert heading(page) == "Panel collation"
    # The police's answers sit in the police's column, each linking to its evidence; the
    # council and the hospital have submitted nothing, so the panel sees no return from them.
    case_a = page.locator("main table.audits-collation").filter(has_text="Case A")
    for answer in ("Good", "No"):
        # Chromium puts a space before the visually hidden ": evidence from …".
        name = re.compile(rf"^{answer}\s*: evidence from {POLICE}$")
        evidence = case_a.get_by_role("link", name=name)
        assert evidence.count() == 1, (
            f"The collation does not show the police's {answer!r}:\n{case_a.aria_snapshot()}"
        )
    assert case_a.get_by_text("No return").count() == 4
    assert case_a.get_by_text("Not agreed").count() == 2
    assert_accessible(page)

    click(page, "Record panel grades for Case A")
    assert heading(page) == "Panel grades for Case A"
    assert_accessible(page)
    page.get_by_label("Agreed grade for aim 1").select_option(label="Requires improvement")
    page.get_by_label("Rationale for aim 1").fill("Only one agency evidenced timely sharing.")
    submit(page)
    assert path_of(page) == collation_path
    assert "Only one agency evidenced timely sharing." in main_text(page)
    assert_accessible(page)


def test_an_audit_is_set_up_returned_and_collated(page: Page, question_bank) -> None:
    page.set_default_timeout(10_000)
    sign_in(page, "admin")
    audit_path = _set_up_the_audit(page)
    _add_aims_and_cases(page, audit_path)
    case_path = _assign_and_open_returns(page, audit_path)
    sign_out(page)
    _auditor_completes_the_police_return(page, case_path)
    _admin_moves_to_panel(page, audit_path)
    _qa_lead_reads_the_collation(page, audit_path)
