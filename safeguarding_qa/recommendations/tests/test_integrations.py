"""The register's plug-ins: meeting decisions' actions, the overdue-actions agenda item and
open practice-review themes for the work programme."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.meetings.models import Decision, DecisionAction, Meeting
from safeguarding_qa.meetings.plugins import agenda_suggestions
from safeguarding_qa.meetings.services.attendance import decision_record
from safeguarding_qa.partnership.choices import GroupKind
from safeguarding_qa.partnership.models import Group
from safeguarding_qa.programme.models import WorkProgramme
from safeguarding_qa.programme.plugins import theme_suggestions
from safeguarding_qa.recommendations.choices import ActionStatus, SourceKind
from safeguarding_qa.recommendations.integrations import (
    open_review_themes,
    overdue_actions_agenda,
)
from safeguarding_qa.recommendations.models import Action, Recommendation, Theme
from safeguarding_qa.reviews.models import PracticeReview

from .factories import make_action, make_recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(db) -> Meeting:
    group = Group.objects.create(name="Integration QA Subgroup", kind=GroupKind.QA_SUBGROUP)
    return Meeting.objects.create(
        group=group,
        title="QA subgroup – September",
        starts_at=datetime(2025, 9, 16, 10, tzinfo=timezone.get_current_timezone()),
    )


def test_a_decision_needing_an_action_goes_into_the_register(personas, organisations, meeting):
    decision = decision_record(
        access=Access.for_user(personas["chair"]),
        meeting=meeting,
        text="Police to review attendance at strategy discussions.",
        action_needed=True,
        action_organisation=organisations["police"],
        action_due=date(2025, 12, 31),
    )
    action = Action.objects.get()
    recommendation = action.recommendation
    assert recommendation.source_kind == SourceKind.MEETING_DECISION
    assert recommendation.source == decision
    assert recommendation.agreed_on == date(2025, 9, 16)
    assert "QA subgroup – September" in recommendation.source_label
    assert list(recommendation.lead_organisations.all()) == [organisations["police"]]
    assert (action.organisation, action.due_on) == (organisations["police"], date(2025, 12, 31))
    assert action.description == decision.text
    link = DecisionAction.objects.get(decision=decision)
    assert link.content_type == ContentType.objects.get_for_model(Action)
    assert link.object_id == action.pk


def test_a_refused_decision_leaves_no_recommendation(personas, organisations, meeting):
    with pytest.raises(PermissionDenied):
        decision_record(
            access=Access.for_user(personas["lead_police"]),
            meeting=meeting,
            text="Not allowed.",
            action_needed=True,
            action_organisation=organisations["police"],
            action_due=date(2025, 12, 31),
        )
    assert not Decision.objects.exists()
    assert not Recommendation.objects.exists()


def test_overdue_actions_are_counted_for_the_agenda(organisations, meeting):
    assert overdue_actions_agenda(meeting) == []
    recommendation = make_recommendation()
    yesterday = timezone.localdate() - timedelta(days=1)
    make_action(recommendation, organisations["council"], due_on=yesterday)
    make_action(recommendation, organisations["council"], due_on=yesterday)
    make_action(recommendation, organisations["police"], due_on=yesterday)
    make_action(recommendation, organisations["police"])  # not due yet
    [suggestion] = overdue_actions_agenda(meeting)
    assert suggestion.title.endswith("(3)")
    assert f"{organisations['council'].name}: 2" in suggestion.description
    assert f"{organisations['police'].name}: 1" in suggestion.description
    assert "register:overdue-actions" in {s.key for s in agenda_suggestions(meeting)}


def test_open_practice_review_themes_are_suggested(organisations, personas):
    review = PracticeReview.objects.create(name="Child Z", kind="scr")
    neglect, voice, done = (Theme.objects.create(name=n) for n in ("Neglect", "Voice", "Done"))
    source = {
        "source_kind": SourceKind.PRACTICE_REVIEW,
        "source_content_type": ContentType.objects.get_for_model(review),
        "source_object_id": review.pk,
    }
    for themes in ([neglect, voice], [neglect]):
        open_one = make_recommendation(**source)
        open_one.themes.set(themes)
        make_action(open_one, organisations["council"])
    finished = make_recommendation(**source)
    finished.themes.set([done])
    make_action(
        finished,
        organisations["police"],
        status=ActionStatus.SIGNED_OFF,
        signed_off_by=personas["chair"],
        signed_off_at=timezone.now(),
    )
    make_recommendation().themes.set([Theme.objects.create(name="From an audit")])
    programme = WorkProgramme.objects.create(year=2026)

    suggestions = open_review_themes(programme)
    assert [s.theme for s in suggestions] == ["Neglect", "Voice"]
    assert suggestions[0].reason.startswith("2 open practice-review recommendations")
    assert "Voice" in {s.theme for s in theme_suggestions(programme)}
