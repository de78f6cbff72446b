"""Fixtures for practice review tests: a review group, an incident, each persona's access."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from safeguarding_qa.access.context import Access
from safeguarding_qa.partnership.choices import GroupKind, GroupRole
from safeguarding_qa.partnership.models import Group, Membership
from safeguarding_qa.reviews.models import InformationRequest, PracticeReview, SeriousIncident


@pytest.fixture
def access_as(personas) -> Callable[[str], Access]:
    return lambda key: Access.for_user(personas[key])


@pytest.fixture
def review_group(personas) -> Group:
    """chair and lead_police are members; qa_lead, lead_council and lead_hospital are not."""
    group = Group.objects.create(name="Practice Review Group", kind=GroupKind.PRACTICE_REVIEW_GROUP)
    for key in ("chair", "lead_police"):
        Membership.objects.create(
            group=group, person=personas[key], role=GroupRole.MEMBER, started_on=date(2024, 4, 1)
        )
    return group


@pytest.fixture
def incident(review_group, organisations) -> SeriousIncident:
    incident = SeriousIncident.objects.create(
        reference="Child Q",
        aware_on=date(2026, 3, 2),
        death_or_serious_harm=True,
        abuse_or_neglect=True,
        summary="A synthetic serious incident.",
    )
    incident.agencies.set([organisations["council"], organisations["police"]])
    return incident


@pytest.fixture
def council_request(incident, organisations) -> InformationRequest:
    return InformationRequest.objects.create(
        incident=incident, organisation=organisations["council"], due_on=date(2026, 3, 9)
    )


@pytest.fixture
def review(db) -> PracticeReview:
    return PracticeReview.objects.create(
        name="Child C", kind="scr", notified_on=date(2018, 6, 4), themes="neglect, voice"
    )
