"""The XLSX template: pre-filled download, safe all-or-nothing upload."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from safeguarding_qa.indicators import selectors, spreadsheets
from safeguarding_qa.indicators.services.returns import ReturnInvalid

pytestmark = pytest.mark.django_db


def _template(seeded, organisation):
    rows = selectors.return_indicators(organisation_id=organisation.pk, period=seeded.latest)
    return spreadsheets.template_bytes(organisation=organisation, period=seeded.latest, rows=rows)


def _fill(data: bytes, values: dict[str, tuple]) -> bytes:
    book = load_workbook(io.BytesIO(data))
    sheet = book["Return"]
    for cells in sheet.iter_rows(min_row=spreadsheets.HEADER_ROW + 1):
        code = str(cells[0].value)
        if code in values:
            for cell, value in zip(cells[3:7], values[code], strict=False):
                cell.value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_template_lists_only_the_organisations_indicators(seeded):
    council = seeded.indicators["ASSESSMENT_45WD"].organisation
    book = load_workbook(io.BytesIO(_template(seeded, council)), read_only=True)
    codes = [r[0] for r in book["Return"].iter_rows(min_row=6, values_only=True)]
    assert "ASSESSMENT_45WD" in codes and "STRATEGY_POLICE_PRESENT" not in codes
    assert book["Return"]["B2"].value == seeded.latest.label


def test_a_filled_template_reads_back(seeded):
    council = seeded.indicators["ASSESSMENT_45WD"].organisation
    data = _fill(
        _template(seeded, council),
        {"ASSESSMENT_45WD": (170, 200), "OPEN_ASSESSMENTS_45WD": (None, None, 12)},
    )
    rows = {r.code: r for r in spreadsheets.read_return(io.BytesIO(data), period=seeded.latest)}
    assert rows["ASSESSMENT_45WD"].numerator == Decimal(170)
    assert rows["OPEN_ASSESSMENTS_45WD"].value == Decimal(12)
    assert rows["CHILD_SEEN_ASSESSMENT"].is_blank  # left out of the return when validated


def test_a_bad_cell_is_reported_with_row_and_column(seeded):
    council = seeded.indicators["ASSESSMENT_45WD"].organisation
    data = _fill(_template(seeded, council), {"ASSESSMENT_45WD": ("lots", 200)})
    with pytest.raises(ReturnInvalid) as caught:
        spreadsheets.read_return(io.BytesIO(data), period=seeded.latest)
    problem = caught.value.problems[0]
    assert problem.where.endswith("column D (Numerator)")
    assert "lots is not a number" in problem.message


def test_a_template_for_another_quarter_is_refused(seeded):
    council = seeded.indicators["ASSESSMENT_45WD"].organisation
    with pytest.raises(ReturnInvalid) as caught:
        spreadsheets.read_return(io.BytesIO(_template(seeded, council)), period=seeded.periods[0])
    assert "This template is for" in caught.value.problems[0].message


def test_files_that_are_not_workbooks_or_too_big_are_refused(seeded):
    with pytest.raises(ReturnInvalid, match="problem") as caught:
        spreadsheets.read_return(io.BytesIO(b"name,value\n"), period=seeded.latest)
    assert "not an Excel workbook" in caught.value.problems[0].message
    with pytest.raises(ReturnInvalid) as caught:
        spreadsheets.read_return(
            io.BytesIO(b"x" * (spreadsheets.MAX_UPLOAD_BYTES + 1)), period=seeded.latest
        )
    assert "larger than 2 MB" in caught.value.problems[0].message


def test_a_zip_bomb_is_refused_before_parsing(seeded):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "xl/worksheets/sheet1.xml", b"0" * (spreadsheets.MAX_UNCOMPRESSED_BYTES + 10)
        )
    with pytest.raises(ReturnInvalid) as caught:
        spreadsheets.read_return(io.BytesIO(buffer.getvalue()), period=seeded.latest)
    assert "expands" in caught.value.problems[0].message


def test_text_cells_are_escaped_against_formulas(seeded):
    council = seeded.indicators["ASSESSMENT_45WD"].organisation
    council.name = '=HYPERLINK("x")'
    book = load_workbook(io.BytesIO(_template(seeded, council)))
    assert not str(book["Return"]["B1"].value).startswith("=")
