"""Named domain rules for self-assessment, each in one place with the reason for it."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from .choices import ModerationStatus
from .models import Round, SelfAssessment, StandardReturn

# Higher is better; used to say whether a rating improved since the previous round.
_RANK = {"red": 1, "amber": 2, "green": 3}


def agreed_rating(answer: StandardReturn) -> str:
    """The rating that counts: the QA subgroup's moderated rating when it set one, otherwise
    the organisation's own self-rating ("" while unanswered)."""
    return answer.moderated_rating or answer.self_rating


def is_late(self_assessment: SelfAssessment, round_: Round, today: date | None = None) -> bool:
    """A return is late when it was not submitted by the end of its due date, or when it is
    still unsubmitted after that date."""
    today = today or timezone.localdate()
    if self_assessment.submitted_at is not None:
        return timezone.localtime(self_assessment.submitted_at).date() > round_.due_on
    return today > round_.due_on


def change(current: str, previous: str) -> str:
    """ "better", "worse", "same" or "" (when either rating is missing), comparing the agreed
    rating with the previous round's agreed rating for the same organisation and standard."""
    if not current or not previous:
        return ""
    if _RANK[current] > _RANK[previous]:
        return "better"
    if _RANK[current] < _RANK[previous]:
        return "worse"
    return "same"


def missing_ratings(answers: list[StandardReturn]) -> list[StandardReturn]:
    """A return can be submitted only when every standard has a self-rating and evidence:
    the subgroup cannot moderate a rating with nothing behind it."""
    return [answer for answer in answers if not answer.self_rating or not answer.evidence.strip()]


def open_challenges(answers: list[StandardReturn]) -> list[StandardReturn]:
    """A round cannot be closed while a challenge is waiting for the organisation's response
    or for the subgroup's decision on that response."""
    waiting = {ModerationStatus.CHALLENGED, ModerationStatus.RESPONDED}
    return [answer for answer in answers if answer.moderation_status in waiting]


def can_go_to_register(answer: StandardReturn) -> bool:
    """Rule "planned actions into the register": a submitted return's answer with planned
    actions becomes a register action once; the return must be submitted so that the
    actions are the organisation's settled plan, not a draft."""
    return (
        answer.self_assessment.is_submitted
        and bool(answer.planned_actions.strip())
        and answer.register_action_id is None
    )
