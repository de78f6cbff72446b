"""Property-based tests for the parsers: whatever the cells hold, they read back exactly,
and no input makes a parser fail other than with a clear refusal."""

from __future__ import annotations

import contextlib
import io
import string
from datetime import date

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding_qa.casedata.importers.cin_census import read_cin_census
from safeguarding_qa.casedata.importers.common import FileRefused
from safeguarding_qa.casedata.xlsx import Workbook, WorkbookError

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("&<>\"'\xa0"),
    min_size=1,
    max_size=20,
).filter(lambda text: text.strip() == text and not text.startswith("="))
CELL = st.one_of(TEXT, st.integers(-(10**9), 10**9), st.floats(-1e9, 1e9, allow_nan=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.one_of(st.none(), CELL), min_size=1, max_size=6), min_size=1, max_size=6)
)
def test_workbook_cells_read_back_exactly(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.create_sheet("List 1")
    workbook.remove(workbook.worksheets[0])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    ours = Workbook(buffer)
    read = dict(ours.rows("List 1"))
    for number, row in enumerate(rows, start=1):
        values = read.get(number, [])
        values = values + [None] * (len(row) - len(values))
        for written, got in zip(row, values, strict=False):
            if isinstance(written, int | float):
                assert got == pytest.approx(float(written))
            else:
                assert got == written


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_are_refused_cleanly(data):
    with contextlib.suppress(WorkbookError):
        Workbook(io.BytesIO(data))


ID = st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=12)


@pytest.mark.django_db
@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            ID,
            st.dates(date(1990, 1, 1), date(2030, 12, 31)),
            st.sampled_from(["M", "F", "U", "X", "1", "2"]),
        ),
        max_size=8,
    )
)
def test_cin_children_parse_or_report(children):
    body = "".join(
        f"<Child><ChildIdentifiers><LAchildID>{child_id}</LAchildID>"
        f"<PersonBirthDate>{born.isoformat()}</PersonBirthDate><Sex>{sex}</Sex>"
        "</ChildIdentifiers><CINdetails><CINreferralDate>2024-05-01</CINreferralDate>"
        "</CINdetails></Child>"
        for child_id, born, sex in children
    )
    xml = (
        "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year>"
        f"</CollectionDetails></Header><Children>{body}</Children></Message>"
    ).encode()
    try:
        parsed = read_cin_census(io.BytesIO(xml))
    except FileRefused:
        pytest.fail("A well-formed census must not be refused.")
    unique = {child_id for child_id, _, _ in children}
    assert len(parsed.children) == len(unique)
    bad_sex = sum(1 for _, _, sex in children if sex == "X")
    assert parsed.error_total >= (1 if bad_sex else 0)
