"""Case data from upload to audit cases, with axe on each new page type.

Journey (issue 6): the partnership administrator uploads the shared Annex A sample and sees
the result; uploads a damaged copy and sees the error report with nothing imported; previews
the neglect cohort; draws a sample of four with a seed, draws it again with the same seed
and gets the same four children; and adds them to an audit as cases.

The shared sample has no child on a plan for neglect (its plans are for physical and
emotional abuse), so the cohort and the sample come from a synthetic Annex A workbook of the
smallest tier, written by the project's own generator and uploaded through the same page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

from .helpers import assert_accessible, heading, path_of, sign_in, submit, visit
from .journeys import click, fill_date, main_text, submit_and_expect_error

NEGLECT = "Child protection plan for neglect"
AUDIT_TITLE = "Neglect: children on plans, spring audit"
SEED = "2026"


@pytest.fixture
def shared_annex_a() -> Path:
    """The shared sample beside the repository (as the case-data tests find it)."""
    path = Path(settings.BASE_DIR).parent / "shared" / "fixtures" / "annex_a_sample_2024.xlsx"
    if not path.exists():
        pytest.fail(f"The shared fixture {path} is missing; this journey needs it.")
    return path


@pytest.fixture
def damaged_annex_a(shared_annex_a: Path, tmp_path: Path) -> Path:
    """The shared sample with a referral date that is not a date (List 5, row 2)."""
    import openpyxl

    workbook = openpyxl.load_workbook(shared_annex_a, data_only=True)
    workbook["List 5"]["G2"] = "yesterday"
    damaged = tmp_path / "annex_a_damaged.xlsx"
    workbook.save(damaged)
    return damaged


@pytest.fixture
def synthetic_annex_a(tmp_path: Path) -> Path:
    from safeguarding_qa.casedata.synthetic import write_annex_a

    path = tmp_path / "annex_a_S.xlsx"
    write_annex_a(str(path), tier="S", as_at=date(2025, 3, 31), seed=8)
    return path


@pytest.fixture
def planned_audit(personas, organisations):
    """An audit being set up, for the sample's children to join."""
    from safeguarding_qa.audits.tests.builders import make_audit

    return make_audit(AUDIT_TITLE, [organisations["council"], organisations["police"]])


def _upload(page: Page, path: Path, as_at: date) -> None:
    visit(page, "/case-data/imports/add/")
    page.get_by_label("Ofsted Annex A").check()
    page.get_by_label("File", exact=True).set_input_files(str(path))
    fill_date(page, "As-at date (Annex A only)", as_at)
    submit(page)
    # The import runs as a task; the page refreshes itself until it has finished.
    page.locator(".govuk-panel__title, .govuk-error-summary__title").first.wait_for(timeout=60_000)
    page.wait_for_load_state("load")


def _imports_the_shared_sample(page: Page, shared: Path) -> None:
    from safeguarding_qa.casedata.models import Snapshot

    visit(page, "/case-data/")
    assert heading(page) == "Case data"
    assert_accessible(page)
    click(page, "Import a file")
    assert_accessible(page)

    # A mistake first: no kind of file and no file. Nothing is imported.
    summary = submit_and_expect_error(page)
    assert "Select the kind of file" in summary
    assert "Choose the file to import" in summary

    _upload(page, shared, date(2021, 3, 31))
    assert heading(page) == f"Import of {shared.name}"
    assert "Imported 48 children" in main_text(page)
    assert_accessible(page)
    assert Snapshot.objects.count() == 1

    click(page, "See the snapshot and its computed indicators")
    assert "Computed indicators" in main_text(page)
    assert_accessible(page)


def _a_damaged_copy_imports_nothing(page: Page, damaged: Path) -> None:
    from safeguarding_qa.casedata.models import Snapshot

    _upload(page, damaged, date(2021, 3, 31))
    assert heading(page) == f"Import of {damaged.name}"
    assert "Nothing has been imported" in main_text(page)
    assert_accessible(page)
    assert Snapshot.objects.count() == 1, "The damaged file added a snapshot"

    link = page.locator("main").get_by_role("link", name="Download the error report")
    report = page.request.get(link.get_attribute("href") or "")
    assert report.status == 200
    lines = report.text().lstrip("\ufeff").splitlines()
    assert lines[0] == "List or section,Row,Column,Value,What is wrong"
    assert lines[1].startswith("List 5,2,"), lines[1]
    assert "yesterday" in lines[1]


def _draw(page: Page) -> tuple[str, list[str]]:
    """Submit the sample form; return the sample page's path and its children's details."""
    submit(page)
    assert heading(page).startswith("Sample "), page.url
    rows = page.locator("main table tbody tr")
    assert rows.count() == 4
    # The reference names the sample (S12-03); the children are the rest of each row.
    details = [" | ".join(row.locator("td").all_inner_texts()) for row in rows.all()]
    return path_of(page), details


def _previews_and_draws_twice(page: Page, synthetic: Path) -> list[str]:
    from safeguarding_qa.casedata.models import Sample

    _upload(page, synthetic, date(2025, 3, 31))
    assert "Imported" in main_text(page)
    click(page, "See the snapshot and its computed indicators")

    click(page, "Preview a cohort")
    assert_accessible(page)
    page.get_by_label("Cohort").select_option(label=NEGLECT)
    click(page, "Preview", role="button")
    assert f"{NEGLECT}:" in main_text(page)
    assert "By age band" in main_text(page)
    assert_accessible(page)

    click(page, "Draw a sample from this cohort")
    assert_accessible(page)
    page.get_by_label("Number of children").fill("4")
    page.get_by_label("Seed (optional)").fill(SEED)
    page.get_by_label("Stratify by").select_option(label="Sex")
    first_path, first = _draw(page)
    assert_accessible(page)

    click(page, "Draw again with the same seed")
    assert page.get_by_label("Seed (optional)").input_value() == SEED
    second_path, second = _draw(page)
    assert second_path != first_path, "Drawing again made no new sample"
    assert second == first

    children = [list(s.members.values_list("child_key", flat=True)) for s in Sample.objects.all()]
    assert len(children) == 2 and children[0] == children[1] and len(children[0]) == 4
    return first


def _adds_them_to_the_audit(page: Page, audit) -> None:
    visit(page, f"/audits/{audit.pk}/")
    click(page, "Add cases from a case-data sample")
    assert_accessible(page)
    page.locator("main input[name='sample']").first.check()
    click(page, "Continue", role="button")
    assert_accessible(page)
    boxes = page.locator("main input[name='members']")
    assert boxes.count() == 4
    for index in range(4):
        boxes.nth(index).check()
    page.get_by_label("Plan type (for every case added)").select_option(label="Child protection")
    page.get_by_label("Plan category (optional)").select_option(label="Neglect")
    page.get_by_label("How long the cases have been open").select_option(label="1 to 2 years")
    submit(page)
    assert path_of(page) == f"/audits/{audit.pk}/"
    assert "4 cases added from the sample." in main_text(page)
    cases = page.locator("main table").first.locator("tbody tr")
    assert cases.count() == 4
    assert_accessible(page)


def test_case_data_is_imported_sampled_and_sent_to_an_audit(
    page: Page, shared_annex_a, damaged_annex_a, synthetic_annex_a, planned_audit
) -> None:
    page.set_default_timeout(15_000)
    sign_in(page, "admin")
    _imports_the_shared_sample(page, shared_annex_a)
    _a_damaged_copy_imports_nothing(page, damaged_annex_a)
    _previews_and_draws_twice(page, synthetic_annex_a)
    _adds_them_to_the_audit(page, planned_audit)
