"""Fixtures for self-assessment tests: a round with three organisations' returns."""

from __future__ import annotations

from typing import Any

import pytest

from safeguarding_qa.access.context import Access
from safeguarding_qa.selfassessment.models import Round, SelfAssessment

from .factories import make_round


@pytest.fixture
def access_of(personas: dict[str, Any]) -> Any:
    return lambda key: Access.for_user(personas[key])


@pytest.fixture
def open_round(organisations: dict[str, Any]) -> Round:
    return make_round(
        organisations=[organisations["council"], organisations["police"], organisations["hospital"]]
    )


@pytest.fixture
def returns(open_round: Round) -> dict[str, SelfAssessment]:
    """The open round's returns keyed by the short organisation key."""
    keys = {"BCCS": "council", "FC": "police", "BHT": "hospital"}
    return {
        keys[sa.organisation.short_name]: sa
        for sa in open_round.self_assessments.select_related("organisation", "round")
    }
