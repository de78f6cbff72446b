"""Fixtures for learning tests: briefings in each state."""

from __future__ import annotations

import pytest
from django.utils import timezone

from safeguarding_qa.learning.choices import SECTION_FIELDS, BriefingStatus
from safeguarding_qa.learning.models import LearningBriefing


def make_briefing(personas, status: str = BriefingStatus.DRAFT, **fields) -> LearningBriefing:
    now = timezone.now()
    approved = status in (BriefingStatus.APPROVED, BriefingStatus.PUBLISHED)
    values = {f: f"Text of {f.replace('_', ' ')}." for f in SECTION_FIELDS}
    values.update(fields)
    slug = values.pop("slug", None) or f"briefing-{status}-{LearningBriefing.objects.count()}"
    return LearningBriefing.objects.create(
        title=values.pop("title", f"Briefing {status}"),
        slug=slug,
        status=status,
        approved_by=personas["chair"] if approved else None,
        approved_at=now if approved else None,
        published_at=now if status == BriefingStatus.PUBLISHED else None,
        **values,
    )


@pytest.fixture
def draft(personas) -> LearningBriefing:
    return make_briefing(personas, title="Draft on neglect", slug="draft-on-neglect")


@pytest.fixture
def published(personas) -> LearningBriefing:
    return make_briefing(
        personas,
        BriefingStatus.PUBLISHED,
        title="Voice of the child",
        slug="voice-of-the-child",
        summary="What the audit found.",
    )
