"""Writes for an organisation's return: answers, submission, moderation and challenge."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes

from .. import events, rules
from ..choices import ModerationDecision, ModerationStatus, ReturnStatus
from ..models import SelfAssessment, StandardReturn
from ..policies import answers as answer_policy
from ..policies import self_assessments as return_policy

ANSWER_FIELDS = ["self_rating", "evidence", "planned_actions"]
MODERATION_FIELDS = [
    "self_rating",
    "moderation_status",
    "moderated_rating",
    "moderation_note",
    "challenge_response",
]
RETURN_FIELDS = ["status", "submitted_at", "submitted_by"]


@transaction.atomic
def answer_save(
    *,
    access: Access,
    answer: StandardReturn,
    self_rating: str,
    evidence: str,
    planned_actions: str,
) -> StandardReturn:
    """Save the organisation's self-rating, evidence and planned actions on one standard."""
    return_policy.require(access, "complete", answer.self_assessment)
    changes = save_changes(
        answer,
        {
            "self_rating": self_rating,
            "evidence": evidence.strip(),
            "planned_actions": planned_actions.strip(),
        },
        tracked=ANSWER_FIELDS,
    )
    if changes["after"] or answer.carried_forward:
        # Saving confirms a carried-forward answer, even when nothing in it changed.
        answer.carried_forward = False
        answer.save(update_fields=["carried_forward", "updated_at"])
        record_event(
            kind=events.ANSWER_SAVED,
            actor=access.user,
            target=answer,
            organisation=answer.self_assessment.organisation,
            **changes,
        )
    return answer


@transaction.atomic
def self_assessment_submit(*, access: Access, self_assessment: SelfAssessment) -> SelfAssessment:
    """Submit the return to the QA subgroup; every standard needs a rating and evidence."""
    return_policy.require(access, "complete", self_assessment)
    missing = rules.missing_ratings(list(self_assessment.answers.select_related("standard")))
    if missing:
        numbers = ", ".join(answer.standard.number for answer in missing)
        raise ValidationError(
            f"Give a self-rating and evidence for every standard before submitting. "
            f"Still to complete: standard{'s' if len(missing) != 1 else ''} {numbers}."
        )
    changes = save_changes(
        self_assessment,
        {
            "status": ReturnStatus.SUBMITTED,
            "submitted_at": timezone.now(),
            "submitted_by": access.user,
        },
        tracked=RETURN_FIELDS,
    )
    record_event(
        kind=events.RETURN_SUBMITTED,
        actor=access.user,
        target=self_assessment,
        organisation=self_assessment.organisation,
        data={"late": rules.is_late(self_assessment, self_assessment.round)},
        **changes,
    )
    return self_assessment


@transaction.atomic
def answer_moderate(
    *,
    access: Access,
    answer: StandardReturn,
    decision: str,
    moderated_rating: str = "",
    note: str = "",
) -> StandardReturn:
    """The QA subgroup agrees a submitted rating (optionally setting its own rating, which
    then counts), or challenges it with a note the organisation must respond to."""
    answer_policy.require(access, "moderate", answer)
    note = note.strip()
    if decision == ModerationDecision.CHALLENGE:
        if not note:
            raise ValidationError({"note": "Enter what the organisation should respond to"})
        status = ModerationStatus.CHALLENGED
    elif decision == ModerationDecision.AGREE:
        status = ModerationStatus.AGREED
    else:
        raise ValidationError({"decision": "Select whether you agree or challenge the rating"})
    changes = save_changes(
        answer,
        {
            "moderation_status": status,
            "moderated_rating": moderated_rating,
            "moderation_note": note,
            "moderated_by": access.user,
            "moderated_at": timezone.now(),
        },
        tracked=MODERATION_FIELDS,
    )
    record_event(
        kind=events.ANSWER_MODERATED,
        actor=access.user,
        target=answer,
        organisation=answer.self_assessment.organisation,
        data={"decision": decision},
        **changes,
    )
    return answer


@transaction.atomic
def challenge_respond(
    *, access: Access, answer: StandardReturn, response: str, self_rating: str
) -> StandardReturn:
    """The organisation answers a challenge, and may revise its self-rating."""
    answer_policy.require(access, "respond", answer)
    response = response.strip()
    if not response:
        raise ValidationError({"response": "Enter your response to the challenge"})
    changes = save_changes(
        answer,
        {
            "challenge_response": response,
            "self_rating": self_rating,
            "moderation_status": ModerationStatus.RESPONDED,
        },
        tracked=MODERATION_FIELDS,
    )
    record_event(
        kind=events.CHALLENGE_ANSWERED,
        actor=access.user,
        target=answer,
        organisation=answer.self_assessment.organisation,
        **changes,
    )
    return answer
