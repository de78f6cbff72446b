"""The named rules: RAG, overdue, derived status, embedded only with evidence.

The database forms of the rules must agree with the Python forms for any action.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding_qa.core.choices import RAG
from safeguarding_qa.recommendations import rules
from safeguarding_qa.recommendations.choices import ActionStatus, RecommendationStatus
from safeguarding_qa.recommendations.models import Action

from .factories import make_action, make_recommendation

TODAY = date(2026, 3, 15)


def rag(status: str, due_in: int, updated_days_ago: int | None) -> RAG:
    last = None if updated_days_ago is None else TODAY - timedelta(days=updated_days_ago)
    return rules.action_rag(
        status=status, due_on=TODAY + timedelta(days=due_in), last_update_on=last, today=TODAY
    ).rag


def test_overdue_open_action_is_red():
    assert rag(ActionStatus.IN_PROGRESS, -1, 1) == RAG.RED


def test_due_soon_without_recent_update_is_amber():
    assert rag(ActionStatus.IN_PROGRESS, 10, 61) == RAG.AMBER
    assert rag(ActionStatus.IN_PROGRESS, 10, None) == RAG.AMBER


def test_due_soon_with_recent_update_in_progress_is_green():
    assert rag(ActionStatus.IN_PROGRESS, 10, 5) == RAG.GREEN


def test_due_soon_not_started_is_amber_even_when_updated():
    assert rag(ActionStatus.NOT_STARTED, 30, 5) == RAG.AMBER


def test_due_later_is_green():
    assert rag(ActionStatus.NOT_STARTED, 31, None) == RAG.GREEN


def test_finished_actions():
    assert rag(ActionStatus.SIGNED_OFF, -100, None) == RAG.GREEN
    assert rag(ActionStatus.AWAITING_SIGN_OFF, -5, None) == RAG.GREEN
    assert rag(ActionStatus.CLOSED_NOT_ACHIEVED, 100, None) == RAG.RED


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], RecommendationStatus.NO_ACTIONS),
        (["not_started", "not_started"], RecommendationStatus.NOT_STARTED),
        (["not_started", "in_progress"], RecommendationStatus.IN_PROGRESS),
        (["signed_off", "awaiting_sign_off"], RecommendationStatus.AWAITING_SIGN_OFF),
        (["signed_off", "closed_not_achieved"], RecommendationStatus.COMPLETED),
        (["signed_off", "not_started"], RecommendationStatus.IN_PROGRESS),
    ],
)
def test_recommendation_status(statuses, expected):
    assert rules.recommendation_status(statuses=statuses, embedded=False) == expected


def test_embedded_wins():
    assert rules.recommendation_status(statuses=[], embedded=True) == RecommendationStatus.EMBEDDED


def test_embedded_needs_evidence():
    assert rules.can_mark_embedded(evidence_count=0, already_embedded=False)
    assert rules.can_mark_embedded(evidence_count=1, already_embedded=True)
    assert rules.can_mark_embedded(evidence_count=1, already_embedded=False) is None


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    status=st.sampled_from(ActionStatus.values),
    due_in=st.integers(min_value=-5, max_value=40),
    updated=st.one_of(st.none(), st.integers(min_value=0, max_value=70)),
)
def test_database_rag_agrees_with_the_rule(organisations, status, due_in, updated):
    recommendation = make_recommendation()
    extra = {}
    if status in (ActionStatus.SIGNED_OFF, ActionStatus.CLOSED_NOT_ACHIEVED):
        from safeguarding_qa.accounts.models import User

        extra = {
            "signed_off_by": User.objects.create(
                email=f"so{User.objects.count()}@x.example", full_name="Signer"
            ),
            "signed_off_at": "2026-01-01T00:00Z",
        }
    action = make_action(
        recommendation,
        organisations["council"],
        status=status,
        due_on=TODAY + timedelta(days=due_in),
        last_progress_on=None if updated is None else TODAY - timedelta(days=updated),
        **extra,
    )
    expected = rag(status, due_in, updated)
    annotated = Action.objects.annotate(r=rules.action_rag_expression(today=TODAY)).get(
        pk=action.pk
    )
    assert annotated.r == expected
    for colour in RAG.values:
        matches = Action.objects.filter(rules.rag_q(colour, today=TODAY), pk=action.pk).exists()
        assert matches == (colour == expected)
    overdue = Action.objects.filter(rules.overdue_q(TODAY), pk=action.pk).exists()
    assert overdue == rules.is_overdue(status=status, due_on=action.due_on, today=TODAY)
