"""Commentary on indicators and the challenge log."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.partnership.models import Organisation

from .. import events
from ..choices import ChallengeStatus, CommentaryKind
from ..models import Challenge, Commentary, Indicator, Period
from ..policies import challenges as challenge_policy
from ..policies import indicators as indicator_policy


def _required(text: str, message: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": message})
    return text


@transaction.atomic
def commentary_add(
    *, access: Access, indicator: Indicator, period: Period, text: str
) -> Commentary:
    """Add the QA subgroup's commentary (partnership-wide writers) or the owning agency's
    commentary (its lead) on an indicator's figure for a quarter."""
    kind = indicator_policy.commentary_kind(access, indicator)
    if kind is None:
        raise PermissionDenied
    comment = Commentary(
        indicator=indicator,
        period=period,
        kind=kind,
        organisation=indicator.organisation if kind == CommentaryKind.AGENCY else None,
        author=access.user,
        text=_required(text, "Enter the commentary."),
    )
    comment.full_clean()
    comment.save()
    record_event(
        kind=events.COMMENTARY_ADDED,
        actor=access.user,
        target=comment,
        after={"kind": kind, "period": period.label, "text": comment.text},
    )
    return comment


@transaction.atomic
def challenge_raise(
    *, access: Access, indicator: Indicator, period: Period, question: str
) -> Challenge:
    """Put a question about an indicator's figure to the organisation that owns it."""
    challenge_policy.require(access, "raise")
    organisation: Organisation = indicator.organisation
    challenge = Challenge(
        indicator=indicator,
        period=period,
        organisation=organisation,
        question=_required(question, "Enter the question for the organisation."),
        raised_by=access.user,
    )
    challenge.full_clean()
    challenge.save()
    record_event(
        kind=events.CHALLENGE_RAISED,
        actor=access.user,
        target=challenge,
        organisation=organisation,
        after={"question": challenge.question, "period": period.label},
    )
    return challenge


@transaction.atomic
def challenge_respond(*, access: Access, challenge: Challenge, response: str) -> Challenge:
    """The organisation answers (or adds to its answer to) an open challenge."""
    challenge_policy.require(access, "respond", challenge)
    before = {"status": challenge.status, "response": challenge.response}
    challenge.response = _required(response, "Enter your response.")
    challenge.status = ChallengeStatus.RESPONDED
    challenge.responded_by = access.user
    challenge.responded_at = timezone.now()
    challenge.save()
    record_event(
        kind=events.CHALLENGE_RESPONDED,
        actor=access.user,
        target=challenge,
        organisation=challenge.organisation,
        before=before,
        after={"status": challenge.status, "response": challenge.response},
    )
    return challenge


@transaction.atomic
def challenge_close(*, access: Access, challenge: Challenge, note: str) -> Challenge:
    """Close a challenge, saying why (answered satisfactorily, superseded...)."""
    challenge_policy.require(access, "close", challenge)
    before = {"status": challenge.status}
    challenge.closure_note = _required(note, "Enter why the challenge is being closed.")
    challenge.status = ChallengeStatus.CLOSED
    challenge.closed_by = access.user
    challenge.closed_at = timezone.now()
    challenge.save()
    record_event(
        kind=events.CHALLENGE_CLOSED,
        actor=access.user,
        target=challenge,
        organisation=challenge.organisation,
        before=before,
        after={"status": challenge.status, "closure_note": challenge.closure_note},
    )
    return challenge
