"""Monthly indicators: months alongside quarters, monthly returns, and the dashboard showing
a monthly indicator's latest month with its SPC chart over months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_qa.access.context import Access
from safeguarding_qa.indicators import rules, selectors
from safeguarding_qa.indicators.choices import Frequency, PeriodKind, ValueSource
from safeguarding_qa.indicators.models import IndicatorValue, Period
from safeguarding_qa.indicators.services.returns import ReturnInvalid, ReturnRow, return_submit
from safeguarding_qa.indicators.services.setup import (
    indicator_update,
    period_add,
    quarter_ensure_with_months,
)

from .conftest import add_values

MONTHLY = "EHE_COUNT"  # the seed catalogue's monthly indicator


# Rules


def test_months_are_labelled_as_people_write_them():
    assert rules.month_label(date(2025, 10, 1)) == "October 2025"
    assert rules.parse_month_label("october 2025") == date(2025, 10, 1)
    assert rules.parse_month_label("2025-26 Q3") is None
    assert rules.parse_month_label("Octember 2025") is None
    assert rules.month_end(date(2024, 2, 1)) == date(2024, 2, 29)
    assert rules.quarter_months(date(2025, 10, 1)) == [
        date(2025, 10, 1),
        date(2025, 11, 1),
        date(2025, 12, 1),
    ]
    assert rules.default_deadline(date(2025, 10, 1), monthly=True) == date(2025, 11, 30)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 40))
def test_month_labels_round_trip_and_months_count_back(day, count):
    start = day.replace(day=1)
    assert rules.parse_month_label(rules.month_label(start)) == start
    earlier = rules.months_before(start, count)
    assert earlier.day == 1
    assert (start.year - earlier.year) * 12 + start.month - earlier.month == count


# Periods


@pytest.mark.django_db
def test_adding_a_quarter_adds_its_months(personas):
    quarter = period_add(access=Access.for_user(personas["admin"]), start=date(2025, 11, 5))
    months = list(Period.every.filter(kind=PeriodKind.MONTH).order_by("start"))
    assert quarter.label == "2025-26 Q3"
    assert [m.label for m in months] == ["October 2025", "November 2025", "December 2025"]
    assert months[0].deadline == date(2025, 11, 30)
    # "Periods" elsewhere (reports, case data, commentary) still mean the quarters.
    assert list(Period.objects.all()) == [quarter]
    period_add(access=Access.for_user(personas["admin"]), start=date(2025, 10, 1))
    assert Period.every.count() == 4  # adding it again changes nothing


# Returns


def _months(seeded):
    """The months of the seeded quarters, oldest first."""
    for quarter in seeded.periods:
        quarter_ensure_with_months(start=quarter.start)
    return list(Period.every.filter(kind=PeriodKind.MONTH).order_by("start"))


def _submit(personas, period, rows, organisation):
    return return_submit(
        access=Access.for_user(personas["admin"]),
        organisation=organisation,
        period=period,
        rows=rows,
        source=ValueSource.FORM,
    )


@pytest.mark.django_db
def test_a_months_return_holds_only_monthly_indicators(personas, seeded):
    ehe = seeded.indicators[MONTHLY]
    assert ehe.frequency == Frequency.MONTHLY
    month = _months(seeded)[-1]
    in_month = selectors.return_indicators(organisation_id=ehe.organisation_id, period=month)
    in_quarter = selectors.return_indicators(
        organisation_id=ehe.organisation_id, period=seeded.latest
    )
    assert [i.code for i, _ in in_month] == [MONTHLY]
    assert MONTHLY not in {i.code for i, _ in in_quarter} and in_quarter
    _submit(personas, month, [ReturnRow(code=MONTHLY, value=Decimal(173))], ehe.organisation)
    assert IndicatorValue.objects.get().period == month
    [status] = selectors.returns_status(period=month)
    assert (status.organisation, status.expected, status.received) == (ehe.organisation, 1, 1)


@pytest.mark.django_db
def test_a_value_in_the_wrong_kind_of_period_is_refused_and_nothing_saved(personas, seeded):
    ehe = seeded.indicators[MONTHLY]
    month = _months(seeded)[-1]
    with pytest.raises(ReturnInvalid) as refused:
        _submit(
            personas,
            seeded.latest,
            [
                ReturnRow(code="PERMANENT_EXCLUSIONS", value=Decimal(3)),
                ReturnRow(code=MONTHLY, value=Decimal(173)),
            ],
            ehe.organisation,
        )
    assert "reported monthly" in refused.value.problems[0].message
    with pytest.raises(ReturnInvalid, match="problem") as refused:
        _submit(
            personas,
            month,
            [ReturnRow(code="PERMANENT_EXCLUSIONS", value=Decimal(3))],
            ehe.organisation,
        )
    assert "reported quarterly" in refused.value.problems[0].message
    assert not IndicatorValue.objects.exists()


@pytest.mark.django_db
def test_a_lead_enters_a_months_return_by_form(personas, seeded, client_as):
    ehe = seeded.indicators[MONTHLY]
    month = _months(seeded)[-1]
    client = client_as("admin")
    overview = client.get(reverse("indicators:returns") + f"?period={month.pk}").content.decode()
    assert month.label in overview and "monthly indicators" in overview
    url = reverse("indicators:return-edit", args=[month.pk, ehe.organisation_id])
    page = client.get(url).content.decode()
    assert "Children in elective home education" in page
    assert "Permanent exclusions" not in page
    assert client.post(url, {f"{MONTHLY}-value": "181"}).status_code == 302
    assert IndicatorValue.objects.get().value == 181


# The dashboard and the indicator's page


@pytest.mark.django_db
def test_the_dashboard_shows_a_monthly_indicators_latest_month(personas, seeded, client_as):
    ehe = seeded.indicators[MONTHLY]
    months = _months(seeded)
    figures = [150.0 + i for i in range(len(months) - 1)]  # none yet for the last month
    add_values(ehe, months, figures)
    board = selectors.dashboard(access=Access.for_user(personas["chair"]))
    assert board.period == seeded.latest
    [row] = [r for r in board.rows if r.indicator.code == MONTHLY]
    assert row.latest_period == months[-2]  # the latest month with a value in the quarter
    assert row.latest == Decimal(figures[-1])
    assert row.change_quarter == Decimal(3)  # on the month three months before
    assert row.change_year == Decimal(12)
    assert len(row.series) == len(figures)
    page = client_as("chair").get(reverse("indicators:dashboard")).content.decode()
    assert months[-2].label in page
    assert "the last 12 months" in page


@pytest.mark.django_db
def test_a_monthly_indicators_chart_is_drawn_over_months(seeded, client_as):
    ehe = seeded.indicators[MONTHLY]
    months = _months(seeded)
    add_values(ehe, months[:12], [150, 152, 149, 151, 150, 153, 151, 150, 152, 149, 190, 151])
    body = (
        client_as("chair")
        .get(reverse("indicators:indicator-detail", args=[MONTHLY]))
        .content.decode()
    )
    assert "Values by month" in body and 'class="sqa-chart"' in body
    assert months[10].label in body
    assert "beyond a process limit" in body


# Changing an indicator's frequency


@pytest.mark.django_db
def test_frequency_changes_only_before_the_first_value(personas, seeded):
    access = Access.for_user(personas["admin"])
    indicator = seeded.indicators["PERMANENT_EXCLUSIONS"]
    indicator_update(access=access, indicator=indicator, frequency=Frequency.MONTHLY)
    indicator.refresh_from_db()
    assert indicator.frequency == Frequency.MONTHLY
    add_values(seeded.indicators[MONTHLY], _months(seeded)[:1], [150])
    ehe = seeded.indicators[MONTHLY]
    history = ehe.history.count()
    with pytest.raises(ValidationError, match="already has values"):
        indicator_update(access=access, indicator=ehe, frequency=Frequency.QUARTERLY)
    ehe.refresh_from_db()
    assert ehe.frequency == Frequency.MONTHLY and ehe.history.count() == history
    computed = seeded.indicators["ASSESSMENT_45WD"]
    with pytest.raises(ValidationError, match="computed from case data"):
        indicator_update(access=access, indicator=computed, frequency=Frequency.MONTHLY)


@pytest.mark.django_db
def test_a_lead_sees_the_open_months_outstanding_return_on_the_home_page(
    personas, seeded, client_as
):
    indicator = seeded.indicators["CP_VISITS_ON_TIME"]  # a council indicator, made monthly
    indicator_update(
        access=Access.for_user(personas["admin"]), indicator=indicator, frequency=Frequency.MONTHLY
    )
    month = _months(seeded)[-1]
    body = client_as("lead_council").get("/").content.decode()
    assert f"Indicator return for {month.label}" in body
    assert f"Indicator return for {seeded.latest.label}" in body
