from __future__ import annotations

import pytest

from safeguarding_qa.demo.builder import ensure_colleagues, ensure_groups
from safeguarding_qa.demo.context import DemoContext
from safeguarding_qa.recommendations import demo
from safeguarding_qa.recommendations.choices import ActionStatus
from safeguarding_qa.recommendations.models import Action, ImpactEvidence, Recommendation


@pytest.mark.django_db
def test_demo_register_is_realistic_and_idempotent(organisations, personas):
    colleagues = ensure_colleagues(organisations)
    context = DemoContext(
        organisations=organisations,
        cast=personas,
        colleagues=colleagues,
        groups=ensure_groups(personas, colleagues),
    )
    demo.build(context)
    counts = (
        Recommendation.objects.count(),
        Action.objects.count(),
        ImpactEvidence.objects.count(),
    )
    demo.build(context)
    assert counts == (
        Recommendation.objects.count(),
        Action.objects.count(),
        ImpactEvidence.objects.count(),
    )
    assert counts[0] == 15 and counts[1] >= 40
    assert set(Action.objects.values_list("status", flat=True)) == set(ActionStatus.values)
    assert Recommendation.objects.filter(embedded_at__isnull=False).count() == 1
    assert len(context.made["recommendations"]) == 15
