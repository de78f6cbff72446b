"""Periods, value computation and RAG ratings."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding_qa.core.choices import RAG
from safeguarding_qa.indicators import rules

# The machines running the suite are shared: never fail on generation speed.
relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2025, 4, 1), "2025-26 Q1"),
        (date(2025, 9, 30), "2025-26 Q2"),
        (date(2025, 12, 25), "2025-26 Q3"),
        (date(2026, 3, 31), "2025-26 Q4"),
        (date(1999, 1, 1), "1998-99 Q4"),
    ],
)
def test_quarters_are_labelled_as_partnerships_write_them(day, label):
    assert rules.period_label(rules.quarter_start(day)) == label


@relaxed
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_every_day_falls_in_its_quarter_and_labels_round_trip(day):
    start = rules.quarter_start(day)
    assert start <= day <= rules.quarter_end(start)
    assert rules.parse_period_label(rules.period_label(start)) == start
    assert rules.quarter_start(rules.quarter_end(start) + timedelta(days=1)) != start


@pytest.mark.parametrize("text", ["2025-27 Q1", "2025-26 Q5", "Q2 2025", "", "2025/26 Q1"])
def test_malformed_labels_are_refused(text):
    assert rules.parse_period_label(text) is None


def test_percentages_rates_and_counts_are_computed():
    assert rules.compute_value(
        unit="percentage",
        numerator=Decimal(45),
        denominator=Decimal(60),
        value=None,
        population=None,
    ) == Decimal("75.0000")
    assert rules.compute_value(
        unit="rate_10k", numerator=Decimal(400), denominator=None, value=None, population=80_000
    ) == Decimal("50.0000")
    assert rules.compute_value(
        unit="count", numerator=None, denominator=None, value=Decimal(12), population=None
    ) == Decimal(12)


@pytest.mark.parametrize(
    ("unit", "numerator", "denominator", "value", "population", "message"),
    [
        ("percentage", 11, 10, None, None, "more than the denominator"),
        ("percentage", 1, 0, None, None, "more than 0"),
        ("percentage", 1, None, None, None, "both"),
        ("rate_10k", 5, None, None, None, "population"),
        ("count", None, None, None, None, "Enter a value"),
        ("days", None, None, -1, None, "negative"),
    ],
)
def test_impossible_figures_get_a_clear_message(
    unit, numerator, denominator, value, population, message
):
    def dec(x):
        return None if x is None else Decimal(x)

    with pytest.raises(ValueError, match=message):
        rules.compute_value(
            unit=unit,
            numerator=dec(numerator),
            denominator=dec(denominator),
            value=dec(value),
            population=population,
        )


figures = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)


@relaxed
@given(value=figures, target=figures, tolerance=figures)
def test_rag_for_higher_is_better(value, target, tolerance):
    rag = rules.rag_rating(value=value, target=target, tolerance=tolerance, polarity="higher")
    if value >= target:
        assert rag == RAG.GREEN
    elif value >= target - tolerance:
        assert rag == RAG.AMBER
    else:
        assert rag == RAG.RED


@relaxed
@given(value=figures, target=figures, tolerance=figures)
def test_rag_for_lower_is_better_mirrors_higher(value, target, tolerance):
    lower = rules.rag_rating(value=value, target=target, tolerance=tolerance, polarity="lower")
    mirrored = rules.rag_rating(
        value=-value, target=-target, tolerance=tolerance, polarity="higher"
    )
    assert lower == mirrored


@relaxed
@given(value=figures, low=figures, high=figures, tolerance=figures)
def test_a_better_value_never_gets_a_worse_rating(value, low, high, tolerance):
    order: dict[RAG | None, int] = {RAG.RED: 0, RAG.AMBER: 1, RAG.GREEN: 2}
    worse, better = sorted([low, high])
    first = rules.rag_rating(value=worse, target=value, tolerance=tolerance, polarity="higher")
    second = rules.rag_rating(value=better, target=value, tolerance=tolerance, polarity="higher")
    assert order[first] <= order[second]


@relaxed
@given(value=figures, tolerance=figures)
def test_no_rating_without_target_or_direction(value, tolerance):
    assert (
        rules.rag_rating(value=value, target=None, tolerance=tolerance, polarity="higher") is None
    )
    assert (
        rules.rag_rating(value=value, target=value, tolerance=tolerance, polarity="neither") is None
    )
    assert rules.rag_rating(value=None, target=value, tolerance=tolerance, polarity="lower") is None


def test_deterioration_follows_polarity():
    assert rules.is_deteriorating(latest=Decimal(80), previous=Decimal(85), polarity="higher")
    assert not rules.is_deteriorating(latest=Decimal(80), previous=Decimal(85), polarity="lower")
    assert not rules.is_deteriorating(latest=Decimal(80), previous=None, polarity="lower")
    assert not rules.is_deteriorating(latest=Decimal(80), previous=Decimal(1), polarity="neither")
