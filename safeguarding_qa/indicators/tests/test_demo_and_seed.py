"""The demo data and the seed command."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from safeguarding_qa.demo.context import DemoContext
from safeguarding_qa.indicators import demo, selectors
from safeguarding_qa.indicators.catalogue import CATALOGUE
from safeguarding_qa.indicators.models import (
    ChildPopulation,
    DataContact,
    Indicator,
    IndicatorValue,
    Period,
)

pytestmark = pytest.mark.django_db


def test_seed_command_adds_the_catalogue_once(organisations):
    call_command("seed_indicators", "--population", "2025=80000", "--quarters", "2")
    assert Indicator.objects.count() == len(CATALOGUE) >= 30
    assert ChildPopulation.objects.get(year=2025).count == 80_000
    assert Period.objects.count() == 2
    call_command("seed_indicators", "--refresh")
    assert Indicator.objects.count() == len(CATALOGUE)
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {"ASSESSMENT_45WD", "ICPC_15WD", "CPP_REPEAT", "CLA_RATE"} <= codes


def test_demo_builds_three_years_with_special_causes_and_is_idempotent(organisations, personas):
    context = DemoContext(organisations=organisations, cast=personas, colleagues=[], groups=[])
    demo.build(context)
    counts = IndicatorValue.objects.count()
    assert counts >= Indicator.objects.count() * 8
    demo.build(context)
    assert IndicatorValue.objects.count() == counts
    monthly = IndicatorValue.objects.filter(indicator__code="EHE_COUNT")
    assert monthly.count() >= 30 and not monthly.exclude(period__kind="month").exists()
    contact = DataContact.objects.get()  # named once, however often the demo runs
    assert (contact.person, contact.named_by) == (
        personas["auditor_council"],
        personas["lead_council"],
    )
    from safeguarding_qa.access.context import Access

    data = selectors.dashboard(access=Access.for_user(personas["chair"]))
    assert data.exceptions, "the demo should show some exceptions"
    assert "indicators" in context.made
