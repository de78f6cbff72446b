"""Working days across bank holidays and year ends, by example and by property."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from safeguarding_qa.reviews.workingdays import (
    add_months,
    add_working_days,
    is_working_day,
    timescales,
    working_days_between,
)

DATES = st.dates(min_value=date(2018, 1, 1), max_value=date(2032, 12, 31))


def test_christmas_and_new_year_are_skipped():
    # 25, 26 (Saturday, observed on 28) December and 1 January are bank holidays.
    assert add_working_days(date(2026, 12, 24), 5) == date(2027, 1, 5)


def test_easter_is_skipped():
    assert add_working_days(date(2026, 4, 2), 5) == date(2026, 4, 13)


def test_fifteen_working_days_from_a_friday():
    assert add_working_days(date(2026, 3, 6), 15) == date(2026, 3, 27)


def test_bank_holidays_and_weekends_are_not_working_days():
    assert not is_working_day(date(2026, 12, 28))
    assert not is_working_day(date(2026, 5, 30))
    assert is_working_day(date(2026, 5, 26))


def test_six_months_from_the_end_of_august_is_the_end_of_february():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_timescales_can_be_configured(settings):
    settings.PRACTICE_REVIEW_TIMESCALES = {"notification_working_days": 3}
    assert timescales()["notification_working_days"] == 3
    assert timescales()["rapid_review_working_days"] == 15


@given(start=DATES, count=st.integers(min_value=0, max_value=40))
def test_adding_working_days_lands_on_a_working_day_count_days_later(start, count):
    end = add_working_days(start, count)
    assert working_days_between(start, end) == count
    if count:
        assert is_working_day(end)
        assert end > start
        # The day before is fewer working days away: no later answer would also fit.
        assert working_days_between(start, end - timedelta(days=1)) == count - 1


@given(start=DATES, count=st.integers(min_value=1, max_value=40))
def test_more_working_days_never_come_sooner(start, count):
    assert add_working_days(start, count) > add_working_days(start, count - 1)


@given(a=DATES, b=DATES)
def test_working_days_between_is_antisymmetric(a, b):
    assert working_days_between(a, b) == -working_days_between(b, a)
