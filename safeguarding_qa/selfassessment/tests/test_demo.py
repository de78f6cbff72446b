from __future__ import annotations

import pytest

from safeguarding_qa.demo.context import DemoContext
from safeguarding_qa.selfassessment import demo, rules
from safeguarding_qa.selfassessment.choices import ModerationStatus, RoundStatus
from safeguarding_qa.selfassessment.models import Round, StandardReturn


@pytest.mark.django_db
def test_demo_builds_a_closed_and_an_open_round_once(organisations, personas):
    context = DemoContext(organisations=organisations, cast=personas, colleagues=[], groups=[])
    demo.build(context)
    counts = (Round.objects.count(), StandardReturn.objects.count())
    demo.build(context)
    assert (Round.objects.count(), StandardReturn.objects.count()) == counts == (2, 90)
    last, current = context.made["self_assessment_rounds"]
    assert last.status == RoundStatus.CLOSED
    assert current.previous == last and current.is_open
    returns = {sa.organisation.short_name: sa for sa in current.self_assessments.all()}
    assert sum(sa.is_submitted for sa in returns.values()) == 3
    assert rules.is_late(returns["FBICB"], current)
    assert rules.is_late(returns["BHT"], current)
    assert not rules.is_late(returns["BCCS"], current)
    assert returns["BHT"].answers.filter(carried_forward=True).count() == 9
    assert StandardReturn.objects.filter(
        moderation_status=ModerationStatus.CHALLENGED, self_assessment=returns["FC"]
    ).exists()
    linked = StandardReturn.objects.filter(register_action__isnull=False)
    assert linked.count() == 2
    assert {a.self_assessment.organisation.short_name for a in linked} == {"BCCS"}
    assert all(
        a.register_action is not None and a.register_action.recommendation.source == current
        for a in linked
    )
