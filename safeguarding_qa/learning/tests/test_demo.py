"""The learning demo: a published and a draft briefing, several agencies' dissemination."""

from __future__ import annotations

import pytest

from safeguarding_qa.demo.context import DemoContext
from safeguarding_qa.learning.choices import BriefingStatus
from safeguarding_qa.learning.demo import build
from safeguarding_qa.learning.models import Dissemination, LearningBriefing

pytestmark = pytest.mark.django_db


def test_the_demo_builds_once_and_again_changes_nothing(organisations, personas):
    context = DemoContext(organisations=organisations, cast=personas, colleagues=[], groups=[])

    build(context)
    build(context)

    statuses = sorted(LearningBriefing.objects.values_list("status", flat=True))
    assert statuses == [BriefingStatus.DRAFT, BriefingStatus.PUBLISHED]
    assert Dissemination.objects.values("organisation").distinct().count() == 4
    assert len(context.made["briefings"]) == 2
