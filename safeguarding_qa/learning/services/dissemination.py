"""Writes for dissemination: an organisation records cascading a published briefing."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, snapshot
from safeguarding_qa.partnership.models import Organisation

from .. import events, rules
from ..models import Dissemination, LearningBriefing
from ..policies import disseminations as dissemination_policy

FIELDS = ["briefing", "organisation", "cascaded_on", "method", "staff_reached", "feedback"]


@transaction.atomic
def dissemination_record(
    *,
    access: Access,
    briefing: LearningBriefing,
    organisation: Organisation,
    cascaded_on: date,
    method: str,
    staff_reached: int,
    feedback: str = "",
) -> Dissemination:
    """Record that ``organisation`` cascaded ``briefing`` to ``staff_reached`` staff."""
    dissemination = Dissemination(
        briefing=briefing,
        organisation=organisation,
        cascaded_on=cascaded_on,
        method=method,
        staff_reached=staff_reached,
        feedback=feedback,
        recorded_by=access.user,
    )
    dissemination_policy.require(access, "record", dissemination)
    if not rules.dissemination_is_recordable(briefing):
        raise ValidationError("Dissemination is recorded only for a published briefing.")
    if not rules.cascade_date_is_valid(cascaded_on, today=timezone.localdate()):
        raise ValidationError({"cascaded_on": "The date must be today or in the past"})
    dissemination.full_clean()
    dissemination.save()
    record_event(
        kind=events.DISSEMINATION_RECORDED,
        actor=access.user,
        target=dissemination,
        organisation=organisation,
        after=snapshot(dissemination, FIELDS),
    )
    return dissemination
