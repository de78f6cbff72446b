"""Computed indicators, cohort rules and the sampler on small hand-made data."""

from __future__ import annotations

from datetime import date

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from safeguarding_qa.casedata import cohorts
from safeguarding_qa.casedata.frames import EVENT_SCHEMA
from safeguarding_qa.casedata.indicators import Quarter, compute_quarter, quarters_covered
from safeguarding_qa.casedata.sampling import allocate, draw

Q = Quarter(date(2025, 1, 1), date(2025, 3, 31))


def _events(*rows: dict) -> pl.DataFrame:
    base = {
        "kind": "",
        "child_key": "",
        "started_on": None,
        "ended_on": None,
        "event_on": None,
        "code": "",
        "detail_code": "",
        "count": None,
        "flag": None,
        "factors": "",
    }
    return pl.DataFrame([{**base, **row} for row in rows], schema=EVENT_SCHEMA)


def test_quarters():
    assert [q.label for q in quarters_covered(date(2025, 3, 31))] == ["2024-25 Q3", "2024-25 Q4"]
    assert quarters_covered(date(2025, 5, 2))[-1] == Quarter(date(2025, 4, 1), date(2025, 6, 30))


def test_measures():
    events = _events(
        {"kind": "referral", "child_key": "a", "started_on": date(2024, 6, 1)},
        {"kind": "referral", "child_key": "a", "started_on": date(2025, 2, 1)},
        {"kind": "referral", "child_key": "b", "started_on": date(2025, 2, 1)},
        {"kind": "referral", "child_key": "c", "started_on": date(2025, 2, 3), "count": 1},
        # 45 working days exactly, then one over (start and end both count).
        {
            "kind": "assessment",
            "child_key": "a",
            "started_on": date(2025, 1, 6),
            "ended_on": date(2025, 3, 7),
        },
        {
            "kind": "assessment",
            "child_key": "b",
            "started_on": date(2025, 1, 6),
            "ended_on": date(2025, 3, 10),
        },
        {
            "kind": "enquiry",
            "child_key": "a",
            "started_on": date(2025, 2, 3),
            "event_on": date(2025, 2, 21),
        },
        {
            "kind": "enquiry",
            "child_key": "b",
            "started_on": date(2025, 2, 3),
            "event_on": date(2025, 2, 24),
        },
        {
            "kind": "protection_plan",
            "child_key": "a",
            "started_on": date(2022, 1, 10),
            "ended_on": date(2025, 2, 1),
            "code": "NEG",
        },
        {
            "kind": "protection_plan",
            "child_key": "b",
            "started_on": date(2025, 1, 10),
            "code": "EMO",
            "detail_code": "NEG",
            "count": 1,
        },
        {
            "kind": "protection_plan",
            "child_key": "c",
            "started_on": date(2024, 1, 10),
            "code": "PHY",
        },
        {"kind": "care_period", "child_key": "d", "started_on": date(2020, 1, 1), "count": 3},
        {"kind": "care_period", "child_key": "e", "started_on": date(2020, 1, 1), "count": 1},
    )
    result = compute_quarter(events, Q, population=20_000)
    assert result["RE_REFERRAL"] == (2, 3)
    assert result["ASSESSMENT_45WD"] == (1, 2)
    assert result["ICPC_15WD"] == (1, 2)
    assert result["CPP_2_YEARS"] == (1, 1)
    assert result["CPP_REPEAT"] == (1, 1)
    assert result["CPP_CATEGORY_NEG"] == (1, 2)
    assert result["CPP_CATEGORY_PHY"] == (1, 2)
    assert result["CLA_3_PLACEMENTS"] == (1, 2)
    assert result["CPP_CATEGORY_EMO"] == (0, 2)
    assert result["CPP_CATEGORY_SAB"] == (0, 2)
    assert result["CPP_CATEGORY_MUL"] == (0, 2)
    assert result["CPP_RATE"] == (2, 20_000)
    assert result["CLA_RATE"] == (2, 20_000)
    assert result["CIN_RATE"] == (0, 20_000)
    # Without a configured child population the rates keep the count over nothing,
    # which the dashboard link reports as not recorded.
    unpopulated = compute_quarter(events, Q, population=None)
    assert unpopulated["CLA_RATE"] == (2, 0)
    assert set(unpopulated) == set(result)


def test_working_days_skip_bank_holidays_and_count_both_ends():
    # 3 March to 7 May 2025 is 45 working days once Good Friday, Easter Monday and the
    # early May bank holiday are left out (and 48 if they were not).
    spring = Quarter(date(2025, 4, 1), date(2025, 6, 30))
    events = _events(
        {
            "kind": "assessment",
            "child_key": "a",
            "started_on": date(2025, 3, 3),
            "ended_on": date(2025, 5, 7),
        },
        {
            "kind": "assessment",
            "child_key": "b",
            "started_on": date(2025, 3, 3),
            "ended_on": date(2025, 5, 8),
        },
        {"kind": "cin_episode", "child_key": "a", "started_on": date(2025, 3, 3)},
        {
            "kind": "cin_episode",
            "child_key": "b",
            "started_on": date(2025, 3, 3),
            "ended_on": date(2025, 5, 8),
        },
    )
    result = compute_quarter(events, spring, population=10_000)
    assert result["ASSESSMENT_45WD"] == (1, 2)
    assert result["CIN_RATE"] == (1, 10_000)


def test_cohort_rules():
    as_at = date(2025, 3, 31)
    events = _events(
        {
            "kind": "protection_plan",
            "child_key": "neg",
            "started_on": date(2024, 5, 1),
            "code": "NEG",
            "detail_code": "NEG",
            "count": 2,
        },
        {
            "kind": "protection_plan",
            "child_key": "ended",
            "started_on": date(2024, 5, 1),
            "ended_on": date(2025, 1, 1),
            "code": "NEG",
        },
        {"kind": "cin_episode", "child_key": "long", "started_on": date(2021, 1, 1)},
        {"kind": "cin_episode", "child_key": "short", "started_on": date(2023, 1, 1)},
        {"kind": "enquiry", "child_key": "none", "started_on": date(2025, 1, 6)},
        {
            "kind": "enquiry",
            "child_key": "late",
            "started_on": date(2025, 1, 6),
            "event_on": date(2025, 2, 28),
        },
        {
            "kind": "assessment",
            "child_key": "da",
            "started_on": date(2025, 1, 6),
            "factors": "2B,3A",
        },
        {
            "kind": "assessment",
            "child_key": "other",
            "started_on": date(2025, 1, 6),
            "factors": "21",
        },
    )
    assert cohorts.cp_neglect(events, as_at) == {"neg"}
    assert cohorts.second_plan(events, as_at) == {"neg"}
    assert cohorts.open_three_years(events, as_at) == {"long"}
    assert cohorts.enquiry_no_or_late_conference(events, as_at) == {"none", "late"}
    assert cohorts.abuse_or_mental_health(events, as_at) == {"da"}


@given(
    st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 50), max_size=6),
    st.integers(0, 100),
)
def test_allocation_is_proportional_and_exact(sizes, total):
    places = allocate(sizes, total)
    assert sum(places.values()) == min(total, sum(sizes.values()))
    assert all(0 <= places[name] <= sizes[name] for name in sizes)


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=6), st.sampled_from("ABC"), min_size=1, max_size=40
    ),
    st.integers(0, 10**6),
)
def test_draws_are_reproducible_and_distinct(candidates, seed):
    size = max(1, len(candidates) // 2)
    first = draw(candidates, size, seed)
    assert first == draw(dict(reversed(list(candidates.items()))), size, seed)
    assert len({key for key, _ in first}) == len(first) == size
