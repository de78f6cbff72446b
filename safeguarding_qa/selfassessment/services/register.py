"""Writes linking self-assessment to the recommendations register."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.recommendations.models import Action, Recommendation
from safeguarding_qa.recommendations.services.actions import action_create
from safeguarding_qa.recommendations.services.recommendations import recommendation_create

from .. import events
from ..models import StandardReturn
from ..policies import answers as answer_policy


def _recommendation_for(answer: StandardReturn) -> Recommendation | None:
    """The recommendation already made for the same standard in the same round (by another
    organisation's answer), so each standard of a round is one recommendation."""
    sibling = (
        StandardReturn.objects.filter(
            self_assessment__round_id=answer.self_assessment.round_id,
            standard_id=answer.standard_id,
            register_action__isnull=False,
        )
        .select_related("register_action__recommendation")
        .first()
    )
    return sibling.register_action.recommendation if sibling and sibling.register_action else None


@transaction.atomic
def planned_actions_to_register(
    *,
    access: Access,
    answer: StandardReturn,
    description: str,
    due_on: date,
    priority: str = "medium",
) -> Action:
    """Turn a submitted answer's planned actions into an action in the register for the
    answering organisation. The recommendation is the round's standard (source: the round),
    made the first time any organisation's answer on that standard goes to the register.
    Both policies are checked: moderating here, managing the register there."""
    answer = StandardReturn.objects.select_for_update().get(pk=answer.pk)
    answer_policy.require(access, "to_register", answer)
    if not description.strip():
        raise ValidationError({"description": "Enter the action"})
    self_assessment = answer.self_assessment
    round_ = self_assessment.round
    standard = answer.standard
    recommendation = _recommendation_for(answer)
    if recommendation is None:
        recommendation = recommendation_create(
            actor=access.user,
            title=f"{round_.framework.name} standard {standard.number}: {standard.title}"[:200],
            text=standard.description or standard.title,
            kind="single_agency",
            source_kind="self_assessment_round",
            agreed_on=timezone.localdate(),
            source=round_,
            rationale=f"Planned actions from the {round_} self-assessment round.",
        )
    action = action_create(
        actor=access.user,
        recommendation=recommendation,
        organisation=self_assessment.organisation,
        description=description.strip(),
        due_on=due_on,
        priority=priority,
    )
    answer.register_action = action
    answer.save(update_fields=["register_action", "updated_at"])
    record_event(
        kind=events.ANSWER_TO_REGISTER,
        actor=access.user,
        target=answer,
        organisation=self_assessment.organisation,
        after={"register_action": action.pk},
        data={"recommendation": recommendation.pk, "reference": recommendation.reference},
    )
    return action
