from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_qa.casedata import codes
from safeguarding_qa.casedata.workingdays import within_working_days, working_days_inclusive

DATES = st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("q) 6: Police", "6"),
        ("j) 3D: Health services", "3D"),
        ("p1) 5D: LA services", "5D"),
        ("6", "6"),
        ("Police", "6"),
        ("", ""),
        ("Carrier pigeon", None),
    ],
)
def test_sources(raw, expected):
    assert codes.source(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a) Male", "M"),
        ("Female", "F"),
        ("b) Female", "F"),
        ("1", "M"),
        ("2", "F"),
        ("0", "U"),
        ("9", "I"),
        ("c) Not stated/recorded", "U"),
        ("M", "M"),
        ("robot", None),
    ],
)
def test_sex_from_annex_a_and_both_cin_generations(raw, expected):
    assert codes.sex(raw) == expected


def test_lettered_values_nbsp_and_curly_quotes():
    assert codes.ethnicity("k) APKN") == "APKN"
    assert codes.ethnicity("WBRI - White British (101)") == "WBRI"
    assert codes.category("a) Neglect") == "NEG"
    assert codes.category("Physical abuse") == "PHY"
    assert codes.need("N1 - Abuse or Neglect") == "N1"
    assert codes.need("PSRMEM - Support with memory") is None
    assert codes.yes_no("a) Yes") is True
    assert codes.yes_no("#N/A") == ""
    assert codes.header_key("Number of Episodes the Child has been \u2018Missing\u2019") == (
        "number of episodes the child has been missing"
    )
    assert codes.clean("Dustin\xa0Hazlett ") == "Dustin Hazlett"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (45000.0, date(2023, 3, 15)),
        ("16/09/2020", date(2020, 9, 16)),
        ("2020-09-16", date(2020, 9, 16)),
        ("2020-09-16T00:00:00", date(2020, 9, 16)),
        ("5 Mar 2024", date(2024, 3, 5)),
        ("31/02/2020", None),
        ("not a date", None),
        ("", ""),
        (None, ""),
    ],
)
def test_dates(raw, expected):
    assert codes.parse_date(raw) == expected


@given(DATES)
def test_every_date_format_reads_back_the_same_date(day):
    assert codes.parse_date(day.strftime("%d/%m/%Y")) == day
    assert codes.parse_date(day.isoformat()) == day
    assert codes.parse_date(float((day - date(1899, 12, 30)).days)) == day


@given(st.text(max_size=30))
def test_parse_date_never_raises(text):
    assert codes.parse_date(text) in ("", None) or isinstance(codes.parse_date(text), date)


def test_working_days_count_both_ends_and_skip_bank_holidays():
    # Thursday 24 to Wednesday 30 December 2020: Christmas and Boxing Day (moved to Monday
    # 28th) are bank holidays, the weekend is not worked.
    assert working_days_inclusive(date(2020, 12, 24), date(2020, 12, 30)) == 3
    assert working_days_inclusive(date(2024, 3, 4), date(2024, 3, 4)) == 1
    assert working_days_inclusive(date(2024, 3, 5), date(2024, 3, 4)) == 0
    assert within_working_days(date(2024, 3, 4), date(2024, 3, 22), 15)
    assert not within_working_days(date(2024, 3, 4), date(2024, 3, 25), 15)


@given(DATES.filter(lambda d: 2001 <= d.year <= 2039), st.integers(0, 400), st.integers(0, 30))
def test_working_days_are_monotonic_and_bounded(start, span, extra):
    end = start + timedelta(days=span)
    later = end + timedelta(days=extra)
    counted = working_days_inclusive(start, end)
    assert 0 <= counted <= span + 1
    assert working_days_inclusive(start, later) >= counted
