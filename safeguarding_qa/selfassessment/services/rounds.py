"""Writes for rounds: open one (with carry-forward), remind, close, export."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot
from safeguarding_qa.partnership.models import Organisation

from .. import events, rules
from ..choices import ReturnStatus, RoundStatus
from ..models import Framework, Round, SelfAssessment, StandardReturn
from ..policies import rounds as round_policy
from ..policies import submitters

ROUND_FIELDS = ["framework", "year", "opens_on", "due_on", "status", "previous"]


def _previous_round(framework: Framework, year: int) -> Round | None:
    return Round.objects.filter(framework=framework, year__lt=year).order_by("-year").first()


def _carried_answers(previous: Round | None) -> dict[tuple[int, int], StandardReturn]:
    if previous is None:
        return {}
    answers = StandardReturn.objects.filter(self_assessment__round=previous).select_related(
        "self_assessment"
    )
    return {(a.self_assessment.organisation_id, a.standard_id): a for a in answers}


@transaction.atomic
def round_create(
    *,
    access: Access,
    framework: Framework,
    year: int,
    opens_on: date,
    due_on: date,
    organisations: Iterable[Organisation],
    carry_forward: bool = True,
) -> Round:
    """Open a round: one return per participating organisation, one answer per standard.

    With ``carry_forward``, each answer starts from the organisation's answer to the same
    standard in the previous round of the framework, marked as carried forward.
    """
    round_policy.require(access, "manage")
    participants = list(organisations)
    if not participants:
        raise ValidationError({"organisations": "Select at least one organisation"})
    if Round.objects.filter(framework=framework, year=year).exists():
        raise ValidationError(
            {"year": f"{framework} already has a round for {year}-{(year + 1) % 100:02d}."}
        )
    round_ = Round(
        framework=framework,
        year=year,
        opens_on=opens_on,
        due_on=due_on,
        previous=_previous_round(framework, year),
    )
    round_.full_clean()
    round_.save()
    returns = bulk_create_with_history(
        [SelfAssessment(round=round_, organisation=org) for org in participants], SelfAssessment
    )
    carried = _carried_answers(round_.previous) if carry_forward else {}
    standards = list(framework.standards.all())
    answers = []
    for self_assessment in SelfAssessment.objects.filter(round=round_):
        for standard in standards:
            earlier = carried.get((self_assessment.organisation_id, standard.pk))
            answers.append(
                StandardReturn(
                    self_assessment=self_assessment,
                    standard=standard,
                    self_rating=earlier.self_rating if earlier else "",
                    evidence=earlier.evidence if earlier else "",
                    planned_actions=earlier.planned_actions if earlier else "",
                    carried_forward=earlier is not None,
                )
            )
    bulk_create_with_history(answers, StandardReturn)
    record_event(
        kind=events.ROUND_CREATED,
        actor=access.user,
        target=round_,
        after=snapshot(round_, ROUND_FIELDS),
        data={
            "organisations": sorted(str(org) for org in participants),
            "returns": len(returns),
            "answers_carried_forward": sum(1 for answer in answers if answer.carried_forward),
        },
    )
    return round_


@transaction.atomic
def round_close(*, access: Access, round_: Round) -> Round:
    """Close a round: no more answers, submissions or moderation. Unsubmitted returns stay
    visible as not returned."""
    round_policy.require(access, "close", round_)
    waiting = rules.open_challenges(
        list(StandardReturn.objects.filter(self_assessment__round=round_))
    )
    if waiting:
        raise ValidationError(
            f"{len(waiting)} challenge{'s' if len(waiting) != 1 else ''} still "
            "waiting for a response or a decision. Settle them before closing the round."
        )
    changes = save_changes(
        round_,
        {"status": RoundStatus.CLOSED, "closed_at": timezone.now()},
        tracked=ROUND_FIELDS,
    )
    record_event(kind=events.ROUND_CLOSED, actor=access.user, target=round_, **changes)
    return round_


def _remind(round_: Round, actor: Any) -> int:
    """E-mail the people who complete each outstanding return; returns how many returns."""
    outstanding = list(
        SelfAssessment.objects.filter(round=round_, status=ReturnStatus.DRAFT).select_related(
            "organisation"
        )
    )
    if not outstanding:
        return 0
    people = list(submitters(sa.organisation_id for sa in outstanding))
    due = f"{round_.due_on.day} {round_.due_on:%B %Y}"
    subject = f"Reminder: {round_} is due on {due}"
    messages = [
        (
            subject,
            f"Dear {person.display_name},\n\n{person.organisation}'s return to {round_} has "
            f"not been submitted yet. It is due on {due}.\n\nSign in to Safeguarding QA and "
            "open Self-assessment to complete it.\n",
            settings.DEFAULT_FROM_EMAIL,
            [person.email],
        )
        for person in people
    ]
    now = timezone.now()
    SelfAssessment.objects.filter(pk__in=[sa.pk for sa in outstanding]).update(last_reminded_at=now)
    record_event(
        kind=events.REMINDERS_SENT,
        actor=actor,
        target=round_,
        data={
            "organisations": [str(sa.organisation) for sa in outstanding],
            "people": len(people),
        },
    )
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
    return len(outstanding)


@transaction.atomic
def round_send_reminders(*, access: Access, round_: Round) -> int:
    """Remind every organisation whose return is still in progress; returns their number."""
    round_policy.require(access, "remind", round_)
    return _remind(round_, access.user)


@transaction.atomic
def send_due_reminders(*, today: date, within_days: int = 14) -> list[tuple[Round, int]]:
    """The scheduled reminder run (no acting person): open rounds due within ``within_days``
    or already overdue, skipping returns reminded in the last week."""
    sent = []
    horizon = today + timedelta(days=within_days)
    week_ago = timezone.now() - timedelta(days=7)
    for round_ in Round.objects.filter(status=RoundStatus.OPEN, due_on__lte=horizon):
        recent = round_.self_assessments.filter(last_reminded_at__gte=week_ago).exists()
        if not recent:
            sent.append((round_, _remind(round_, None)))
    return sent


@transaction.atomic
def round_export(*, access: Access, round_: Round, rows: list[list[Any]]) -> list[list[Any]]:
    """Record that this person downloaded the round's answers (downloads are audit events)."""
    round_policy.require(access, "view", round_)
    record_event(
        kind=events.ROUND_EXPORTED, actor=access.user, target=round_, data={"rows": len(rows)}
    )
    return rows
