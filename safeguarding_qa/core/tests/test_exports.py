"""Spreadsheet cell escaping and streamed CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_qa.core.exports import (
    FORMULA_TRIGGERS,
    UTF8_BOM,
    cell_value,
    csv_lines,
    escape_text,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+44 1632 960000", "'+44 1632 960000"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        (
            '=HYPERLINK("http://example.invalid","Click")',
            '\'=HYPERLINK("http://example.invalid","Click")',
        ),
        ("Brackenmoor Police", "Brackenmoor Police"),
        ("a=b", "a=b"),
        ("", ""),
        (" =1+1", " =1+1"),
    ],
)
def test_text_starting_with_a_formula_character_gets_a_leading_quote(text, expected):
    assert escape_text(text) == expected


@given(st.text())
def test_no_escaped_text_starts_with_a_formula_character(text):
    escaped = escape_text(text)
    assert not escaped.startswith(FORMULA_TRIGGERS)
    assert escaped.removeprefix("'") == text or escaped == text


def test_numbers_stay_numbers_and_are_not_escaped():
    assert cell_value(-5) == -5
    assert cell_value(-1.5) == -1.5
    assert cell_value(Decimal("-2.50")) == Decimal("-2.50")


def test_other_values_become_safe_text():
    assert cell_value(None) == ""
    assert cell_value(True) == "Yes"
    assert cell_value(False) == "No"
    assert cell_value(date(2026, 3, 27)) == "2026-03-27"
    assert cell_value({"name": "=1+1"}) == '{"name": "=1+1"}'
    assert cell_value(["-x"]) == '["-x"]'
    assert cell_value("-x") == "'-x"


@override_settings(TIME_ZONE="Europe/London")
def test_aware_date_times_are_shown_in_local_time():
    assert cell_value(datetime(2026, 7, 1, 9, 30, tzinfo=UTC)) == "2026-07-01T10:30:00+01:00"


def test_csv_lines_stream_an_escaped_file_that_reads_back():
    rows = [["=1+1", 3, None], ["Plain", -4, "@x"]]
    text = "".join(csv_lines(["Name", "Count", "Note"], iter(rows)))
    assert text.startswith(UTF8_BOM)
    read = list(csv.reader(io.StringIO(text.removeprefix(UTF8_BOM))))
    assert read == [["Name", "Count", "Note"], ["'=1+1", "3", ""], ["Plain", "-4", "'@x"]]


def test_csv_lines_can_leave_out_the_byte_order_mark():
    lines = list(csv_lines(["A"], [], bom=False))
    assert lines == ["A\r\n"]
