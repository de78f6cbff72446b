"""The XmR chart and the Making Data Count rules, property-tested."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from safeguarding_qa.indicators import spc

# The machines running the suite are shared: never fail on generation speed.
relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

values = st.lists(
    st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False),
    min_size=spc.MIN_POINTS,
    max_size=40,
)


def test_too_few_points_give_no_chart():
    assert spc.xmr([1, 2, 3, 4, 5]) is None
    assert spc.variation(None, "higher") == spc.Variation.UNKNOWN
    assert spc.assurance(None, 10, "higher") == spc.Assurance.NONE


def test_limits_are_the_mean_plus_or_minus_2_66_average_moving_ranges():
    chart = spc.xmr([10, 12, 11, 13, 12, 14])
    assert chart is not None
    assert chart.mean == pytest.approx(12)
    assert chart.average_moving_range == pytest.approx(1.6)
    assert chart.upper_limit == pytest.approx(12 + 2.66 * 1.6)
    assert chart.lower_limit == pytest.approx(12 - 2.66 * 1.6)


@relaxed
@given(values)
def test_limits_are_symmetric_about_the_mean(series):
    chart = spc.xmr(series)
    assert chart is not None
    assert chart.upper_limit - chart.mean == pytest.approx(chart.mean - chart.lower_limit)
    assert (
        chart.lower_limit <= chart.lower_near <= chart.mean <= chart.upper_near <= chart.upper_limit
    )


@relaxed
@given(values)
def test_a_point_outside_the_limits_is_always_special_cause(series):
    chart = spc.xmr(series)
    assert chart is not None
    slack = spc.tolerance(series)
    for point in chart.points:
        if point.value > chart.upper_limit + slack or point.value < chart.lower_limit - slack:
            assert "beyond_limits" in point.rules


@relaxed
@given(values)
def test_flat_series_has_no_special_cause(series):
    flat = [series[0]] * len(series)
    chart = spc.xmr(flat)
    assert chart is not None
    assert not any(point.special for point in chart.points)


def test_a_spike_beyond_the_limits():
    chart = spc.xmr([50, 51, 49, 50, 52, 48, 50, 51, 49, 90, 50])
    assert chart is not None
    assert chart.points[9].rules == {"beyond_limits"}
    assert chart.points[9].direction == spc.HIGH


@relaxed
@given(
    st.integers(min_value=spc.RUN_LENGTH, max_value=12),
    st.floats(min_value=1, max_value=100, allow_nan=False),
)
def test_a_run_of_seven_above_the_mean_is_found(length, height):
    before = [0.0, 1.0] * 5
    series = before + [50 + height + (i % 2) for i in range(length)]
    found = spc.runs(series, sum(series) / len(series))
    assert all(found.get(i) == spc.HIGH for i in range(len(before), len(series)))


def test_six_points_on_one_side_is_not_a_run():
    series = [9.0, 1.0, 9.0, 1.0, 9.0, 1.0] + [6.0] * 6 + [1.0, 9.0]
    assert spc.runs(series, 5.0) == {}
    assert set(spc.runs([*series[:12], 6.0, 1.0], 5.0)) == set(range(6, 13))


@relaxed
@given(
    st.integers(min_value=spc.TREND_LENGTH, max_value=15), st.floats(min_value=0.1, max_value=50)
)
def test_six_or_more_rising_points_are_a_trend(length, step):
    series = [5.0, 1.0, 5.0] + [i * step for i in range(length)]
    found = spc.trends(series)
    assert all(found.get(i) == spc.HIGH for i in range(3, len(series)))


def test_five_rising_points_are_not_a_trend_and_equal_values_break_one():
    assert spc.trends([1, 2, 3, 4, 5, 1, 0.5]) == {}
    assert spc.trends([1, 2, 3, 3, 4, 5, 6]) == {}
    assert set(spc.trends([6, 5, 4, 3, 2, 1])) == set(range(6))


@relaxed
@given(values)
def test_trend_points_really_rise_or_fall(series):
    found = spc.trends(series)
    for index, direction in found.items():
        neighbours = [i for i in (index - 1, index + 1) if i in found and 0 <= i < len(series)]
        assume(neighbours)
        for other in neighbours:
            low, high = sorted([index, other])
            if direction == spc.HIGH:
                assert series[high] > series[low]
            else:
                assert series[high] < series[low]


def test_two_of_three_near_the_upper_limit():
    chart = spc.xmr([10, 11] * 8 + [13.5, 10.5, 13.5])
    assert chart is not None
    assert chart.upper_near < 13.5 < chart.upper_limit
    assert chart.points[16].rules == {"near_limit"}
    assert chart.points[18].rules == {"near_limit"}
    assert not chart.points[17].special


@relaxed
@given(values)
def test_near_limit_points_are_beyond_two_sigma(series):
    chart = spc.xmr(series)
    assert chart is not None
    for index, direction in spc.near_limits(series, chart.upper_near, chart.lower_near).items():
        if direction == spc.HIGH:
            assert series[index] > chart.upper_near
        else:
            assert series[index] < chart.lower_near


def test_variation_is_judged_by_polarity():
    chart = spc.xmr([50, 51, 49, 50, 52, 48, 50, 51, 49, 90])
    assert spc.variation(chart, "higher") == spc.Variation.IMPROVEMENT
    assert spc.variation(chart, "lower") == spc.Variation.CONCERN
    assert spc.variation(chart, "neither") == spc.Variation.HIGH
    steady = spc.xmr([50, 51, 49, 50, 52, 48, 50])
    assert spc.variation(steady, "higher") == spc.Variation.COMMON


def test_assurance_compares_the_target_with_the_limits():
    chart = spc.xmr([90, 91, 89, 90, 92, 88, 90])
    assert chart is not None
    assert spc.assurance(chart, 80, "higher") == spc.Assurance.PASSES
    assert spc.assurance(chart, 99, "higher") == spc.Assurance.FAILS
    assert spc.assurance(chart, 90, "higher") == spc.Assurance.HIT_AND_MISS
    assert spc.assurance(chart, 99, "lower") == spc.Assurance.PASSES
    assert spc.assurance(chart, 80, "lower") == spc.Assurance.FAILS
    assert spc.assurance(chart, 90, "neither") == spc.Assurance.NONE
