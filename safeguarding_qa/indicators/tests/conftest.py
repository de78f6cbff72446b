"""Fixtures for the dashboard: the seed catalogue, populations and eight quarters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from safeguarding_qa.indicators import rules
from safeguarding_qa.indicators.models import Indicator, IndicatorValue, Period
from safeguarding_qa.indicators.services.setup import indicators_seed, period_ensure, population_set

FIRST_QUARTER = date(2023, 7, 1)  # 2023-24 Q2


@dataclass
class Seeded:
    indicators: dict[str, Indicator]
    periods: list[Period]

    @property
    def latest(self) -> Period:
        return self.periods[-1]


def quarters(first: date, count: int) -> list[date]:
    starts = [first]
    while len(starts) < count:
        starts.append(rules.quarter_end(starts[-1]) + timedelta(days=1))
    return starts


@pytest.fixture
def seeded(organisations) -> Seeded:
    indicators_seed()
    for year in (2023, 2024, 2025):
        population_set(year=year, count=80_000)
    periods = [period_ensure(start=start) for start in quarters(FIRST_QUARTER, 9)]
    return Seeded({i.code: i for i in Indicator.objects.all()}, periods)


def add_values(indicator: Indicator, periods: list[Period], values: list[float]) -> None:
    """Store values directly (tests of reads, not of the return service)."""
    for period, value in zip(periods, values, strict=False):
        IndicatorValue.objects.create(
            indicator=indicator,
            period=period,
            value=Decimal(str(value)),
            source="form",
            submitted_at=timezone.now(),
        )
