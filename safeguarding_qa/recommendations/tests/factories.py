"""Small builders for the register's tests (plain functions; no factory library needed)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from safeguarding_qa.recommendations.choices import ActionStatus, RecommendationKind, SourceKind
from safeguarding_qa.recommendations.models import Action, Recommendation

_counter = {"n": 0}


def make_recommendation(**fields: Any) -> Recommendation:
    _counter["n"] += 1
    values: dict[str, Any] = {
        "reference": f"RT-{_counter['n']:04d}",
        "title": f"Test recommendation {_counter['n']}",
        "text": "Agencies hear the voice of the child.",
        "kind": RecommendationKind.MULTI_AGENCY,
        "source_kind": SourceKind.AUDIT,
        "agreed_on": date(2025, 5, 1),
    }
    values.update(fields)
    return Recommendation.objects.create(**values)


def make_action(recommendation: Recommendation, organisation: Any, **fields: Any) -> Action:
    values: dict[str, Any] = {
        "description": "Revise the supervision policy.",
        "due_on": timezone.localdate() + timedelta(days=90),
        "status": ActionStatus.NOT_STARTED,
    }
    values.update(fields)
    return Action.objects.create(recommendation=recommendation, organisation=organisation, **values)
