"""Planned actions from a return into the recommendations register."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.recommendations.models import Action, Recommendation
from safeguarding_qa.selfassessment.services.register import planned_actions_to_register

from .factories import fill

pytestmark = pytest.mark.django_db

PLANNED = "Refresh safeguarding training for reception staff."


@pytest.fixture
def submitted(returns, personas):
    """The police and hospital returns submitted, each with planned actions on standard 1."""
    answers = {}
    for key in ("police", "hospital"):
        fill(returns[key], "amber", submit=True, by=personas[f"lead_{key}"])
        answer = returns[key].answers.earliest("pk")
        answer.planned_actions = PLANNED
        answer.save()
        answers[key] = answer
    return answers


def test_moderator_turns_planned_actions_into_register_actions(access_of, submitted, open_round):
    first = planned_actions_to_register(
        access=access_of("chair"),
        answer=submitted["police"],
        description=PLANNED,
        due_on=date(2027, 3, 31),
    )
    second = planned_actions_to_register(
        access=access_of("admin"),
        answer=submitted["hospital"],
        description="Audit ten referrals.",
        due_on=date(2027, 1, 31),
        priority="high",
    )
    recommendation = first.recommendation
    assert second.recommendation == recommendation  # one recommendation per standard
    assert recommendation.source == open_round
    assert recommendation.source_kind == "self_assessment_round"
    assert {first.organisation.short_name, second.organisation.short_name} == {"FC", "BHT"}
    submitted["police"].refresh_from_db()
    assert submitted["police"].register_action == first
    assert AuditEvent.objects.filter(kind="self_assessment.answer_to_register").count() == 2
    assert AuditEvent.objects.filter(kind="action.created").count() == 2


def test_only_once_and_only_when_submitted(access_of, submitted, returns):
    planned_actions_to_register(
        access=access_of("chair"),
        answer=submitted["police"],
        description="x",
        due_on=date(2027, 1, 1),
    )
    with pytest.raises(PermissionDenied):
        planned_actions_to_register(
            access=access_of("chair"),
            answer=submitted["police"],
            description="again",
            due_on=date(2027, 1, 1),
        )
    draft = returns["council"].answers.earliest("pk")
    draft.planned_actions = PLANNED
    draft.save()
    with pytest.raises(PermissionDenied):
        planned_actions_to_register(
            access=access_of("chair"), answer=draft, description="x", due_on=date(2027, 1, 1)
        )
    assert Action.objects.count() == 1


@pytest.mark.parametrize("key", ["lead_police", "scrutineer", "viewer"])
def test_refused_people_change_nothing(key, access_of, submitted):
    with pytest.raises(PermissionDenied):
        planned_actions_to_register(
            access=access_of(key),
            answer=submitted["police"],
            description="x",
            due_on=date(2027, 1, 1),
        )
    assert not Recommendation.objects.exists()
    assert not Action.objects.exists()


def test_blank_description_changes_nothing(access_of, submitted):
    with pytest.raises(ValidationError):
        planned_actions_to_register(
            access=access_of("chair"),
            answer=submitted["police"],
            description=" ",
            due_on=date(2027, 1, 1),
        )
    assert not Recommendation.objects.exists()


def test_pages(client_as, submitted):
    answer = submitted["hospital"]
    detail = reverse("selfassessment:return-detail", args=[answer.self_assessment_id])
    url = reverse("selfassessment:answer-to-register", args=[answer.self_assessment_id, answer.pk])
    chair = client_as("chair")
    assert "Add to the register" in chair.get(detail).content.decode()
    assert "Add to the register" not in client_as("lead_hospital").get(detail).content.decode()
    page = chair.get(url)
    assert PLANNED in page.content.decode()
    response = chair.post(url, {"description": "", "priority": "high"})
    assert response.status_code == 200
    assert "Enter the action" in response.content.decode()
    assert not Action.objects.exists()
    response = chair.post(
        url,
        {
            "description": PLANNED,
            "due_on_day": "31",
            "due_on_month": "3",
            "due_on_year": "2027",
            "priority": "medium",
        },
    )
    action = Action.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("recommendations:action-detail", args=[action.pk])
    page = chair.get(detail).content.decode()
    assert "In the recommendations register" in page
    assert chair.get(url).status_code == 403
