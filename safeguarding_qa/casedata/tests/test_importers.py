"""The readers on the shared real-format fixtures, damaged copies and hostile files."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from safeguarding_qa.casedata.importers.annex_a import read_annex_a
from safeguarding_qa.casedata.importers.cin_census import read_cin_census
from safeguarding_qa.casedata.importers.common import FileRefused
from safeguarding_qa.casedata.models import EventKind
from safeguarding_qa.casedata.synthetic import write_annex_a
from safeguarding_qa.casedata.synthetic_cin import write_cin_census
from safeguarding_qa.casedata.xlsx import Workbook, WorkbookError

AS_AT = date(2021, 3, 31)


@pytest.mark.parametrize("name", ["annex_a_2020", "annex_a_2024"])
def test_both_annex_a_templates_read_cleanly(name, request):
    parsed = read_annex_a(str(request.getfixturevalue(name)), as_at=AS_AT)
    assert parsed.error_total == 0, parsed.errors
    assert parsed.version.endswith("2024 template" if name.endswith("2024") else "2020 template")
    assert len(parsed.counts) == 11
    assert parsed.counts["List 7"] == 7
    assert len(parsed.children) == 48
    kinds = {event[0] for event in parsed.events}
    assert EventKind.PROTECTION_PLAN in kinds and EventKind.CARE_PERIOD in kinds
    # The junk primary need code in List 6 is a warning, not an error.
    assert any("Primary Need" in issue.column for issue in parsed.warnings)


def test_reader_matches_openpyxl_cell_for_cell(annex_a_2020):
    ours = Workbook(str(annex_a_2020))
    theirs = openpyxl.load_workbook(annex_a_2020, read_only=True, data_only=True)
    for sheet in ours.sheets:
        mine = [values for _, values in ours.rows(sheet)]
        reference = [list(row) for row in theirs[sheet].iter_rows(values_only=True)]
        assert len(mine) == len(reference)
        for row, expected in zip(mine, reference, strict=True):
            padded = row + [None] * (len(expected) - len(row))
            for value, wanted in zip(padded, expected, strict=True):
                if hasattr(wanted, "year") or wanted is None:
                    continue
                assert value == wanted or value == float(wanted)  # type: ignore[arg-type]


def test_no_names_or_raw_ids_are_kept(annex_a_2020):
    parsed = read_annex_a(str(annex_a_2020), as_at=AS_AT)
    text = repr(parsed.children) + repr(parsed.events)
    assert "9212044" not in text and "Hazlett" not in text
    assert all(
        child.birth_month is None or child.birth_month.day == 1
        for child in parsed.children.values()
    )


def _damaged(source: Path, tmp_path: Path, change) -> str:
    # data_only: openpyxl would otherwise drop the formulas' cached values on saving.
    workbook = openpyxl.load_workbook(source, data_only=True)
    change(workbook)
    target = tmp_path / "damaged.xlsx"
    workbook.save(target)
    return str(target)


def test_bad_dates_codes_order_and_duplicates_are_errors(annex_a_2024, tmp_path):
    def damage(workbook):
        contacts = workbook["List 1"]
        contacts["F2"] = "31/02/2020"
        contacts["G3"] = "z) Carrier pigeon"
        plans = workbook["List 7"]
        plans["M2"] = "01/01/2019"  # ends before it starts
        referrals = workbook["List 3"]
        copy = referrals.max_row + 1
        for column in range(1, referrals.max_column + 1):
            referrals.cell(
                row=copy, column=column, value=referrals.cell(row=2, column=column).value
            )

    parsed = read_annex_a(_damaged(annex_a_2024, tmp_path, damage), as_at=AS_AT)
    problems = {(issue.where, issue.row, issue.problem) for issue in parsed.errors}
    assert ("List 1", 2, "This is not a date (use dd/mm/yyyy).") in problems
    assert ("List 1", 3, "This value is not a recognised code.") in problems
    assert ("List 7", 2, "This date is before the start date.") in problems
    assert any(
        where == "List 3" and "duplicates row 2" in problem for where, _, problem in problems
    )


def test_missing_list_and_missing_header_are_file_level_errors(annex_a_2020, tmp_path):
    def damage(workbook):
        del workbook["List 11"]
        workbook["List 1"]["F1"] = "Something else"

    parsed = read_annex_a(_damaged(annex_a_2020, tmp_path, damage), as_at=AS_AT)
    messages = [issue.problem for issue in parsed.errors]
    assert "List 11 (Adopters) is missing." in messages


def test_renamed_headers_still_match(annex_a_2020, tmp_path):
    def damage(workbook):
        workbook["List 1"]["A1"] = "Child\xa0unique ID "
        workbook["List 3"]["F1"] = "Referral date"
        workbook["List 10"]["F1"] = "Age"

    parsed = read_annex_a(_damaged(annex_a_2020, tmp_path, damage), as_at=AS_AT)
    assert parsed.error_total == 0


def test_unknown_template_version(annex_a_2020, tmp_path):
    def damage(workbook):
        workbook["List 9"]["N1"] = "Allocated Personal Advisor"

    parsed = read_annex_a(_damaged(annex_a_2020, tmp_path, damage), as_at=AS_AT)
    assert any("Unknown template version" in issue.problem for issue in parsed.errors)


def test_not_a_workbook_and_zip_bomb_are_refused(tmp_path):
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(FileRefused, match="not an Excel workbook"):
        read_annex_a(str(text), as_at=AS_AT)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 40_000_000)
    with pytest.raises(WorkbookError, match="zip bomb"):
        Workbook(str(bomb))


def test_truncated_workbook_is_refused(annex_a_2020, tmp_path):
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(annex_a_2020.read_bytes()[:15_000])
    with pytest.raises(FileRefused):
        read_annex_a(str(cut), as_at=AS_AT)


def test_generated_workbook_reads_without_errors(tmp_path):
    path = tmp_path / "s.xlsx"
    sizes = write_annex_a(str(path), tier="S", as_at=date(2025, 3, 31), seed=3)
    parsed = read_annex_a(str(path), as_at=date(2025, 3, 31))
    assert parsed.error_total == 0, parsed.errors[:5]
    assert sum(parsed.counts.values()) == sum(sizes.values())


def test_cin_census_fixture_gender_current(cin_sample):
    parsed = read_cin_census(str(cin_sample))
    assert parsed.error_total == 0, parsed.errors[:5]
    assert parsed.as_at == date(2022, 7, 21)
    assert parsed.version == "CIN census (GenderCurrent)"
    assert parsed.counts == {"Children": 332, "CIN episodes": 402}
    assert len(parsed.children) == 332


def test_cin_census_sex_schema_with_assessments_and_plans(tmp_path):
    path = tmp_path / "cin.xml"
    write_cin_census(str(path), children=300, year=2025, seed=2)
    parsed = read_cin_census(str(path))
    assert parsed.error_total == 0, parsed.errors[:5]
    assert parsed.version == "CIN census (Sex)"
    kinds = {event[0] for event in parsed.events}
    assert {EventKind.ASSESSMENT, EventKind.ENQUIRY, EventKind.PROTECTION_PLAN} <= kinds


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
            b"<Message>&b;</Message>",
            "DTD",
        ),
        (b"<Message><Header><CollectionDetails><Collection>CIN</Collection>", "damaged"),
        (b"<Other/>", "not a CIN census"),
        (b"PK\x03\x04 binary", "not XML"),
        (
            b"<Message><Header><CollectionDetails><Collection>SCHOOL</Collection>"
            b"</CollectionDetails></Header></Message>",
            "not a CIN census",
        ),
    ],
)
def test_hostile_and_malformed_xml_is_refused(tmp_path, content, message):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(FileRefused, match=message):
        read_cin_census(str(path))


def test_cin_row_errors(tmp_path):
    path = tmp_path / "rows.xml"
    path.write_text(
        "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>"
        "</CollectionDetails></Header><Children>"
        "<Child><ChildIdentifiers><LAchildID>A1</LAchildID><Sex>M</Sex></ChildIdentifiers>"
        "<CINdetails><CINreferralDate>2024-13-01</CINreferralDate></CINdetails></Child>"
        "<Child><ChildIdentifiers><LAchildID>A1</LAchildID><Sex>M</Sex></ChildIdentifiers>"
        "</Child>"
        "<Child><ChildIdentifiers><LAchildID>A2</LAchildID><Sex>Q</Sex></ChildIdentifiers>"
        "<CINdetails><CINreferralDate>2024-05-01</CINreferralDate>"
        "<ChildProtectionPlans><CPPstartDate>2024-06-01</CPPstartDate>"
        "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse></ChildProtectionPlans>"
        "<ChildProtectionPlans><CPPstartDate>2024-07-01</CPPstartDate>"
        "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse></ChildProtectionPlans>"
        "</CINdetails></Child></Children></Message>"
    )
    parsed = read_cin_census(str(path))
    assert parsed.as_at == date(2025, 3, 31)
    problems = " | ".join(issue.problem for issue in parsed.errors)
    assert "not a date" in problems
    assert "also used by the child" in problems
    assert "not a recognised code" in problems
    assert "overlaps" in problems
