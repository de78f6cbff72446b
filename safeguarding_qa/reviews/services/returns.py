"""Writes for agencies' information returns to a rapid review."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, snapshot
from safeguarding_qa.partnership.models import Organisation

from .. import events
from ..models import InformationRequest, SeriousIncident
from ..policies import incidents as incident_policy
from ..policies import information_requests as request_policy

RETURN_FIELDS = ["chronology", "analysis", "immediate_learning", "actions_taken"]
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


@transaction.atomic
def information_request_create(
    *,
    access: Access,
    incident: SeriousIncident,
    organisations: Iterable[Organisation],
    due_on: date,
) -> list[InformationRequest]:
    """Ask each agency for its information by a date; an agency is asked only once."""
    incident_policy.require(access, "manage", incident)
    organisations = list(organisations)
    if not organisations:
        raise ValidationError({"organisations": "Select at least one agency to ask."})
    if due_on < incident.aware_on:
        raise ValidationError({"due_on": "The due date must be after the date of awareness."})
    already = set(
        incident.information_requests.filter(organisation__in=organisations).values_list(
            "organisation__name", flat=True
        )
    )
    if already:
        raise ValidationError(
            {"organisations": f"Already asked: {', '.join(sorted(already))}. Untick them."}
        )
    made = []
    for organisation in organisations:
        request = InformationRequest(incident=incident, organisation=organisation, due_on=due_on)
        request.full_clean()
        request.save()
        record_event(
            kind=events.INFORMATION_REQUESTED,
            actor=access.user,
            target=request,
            organisation=organisation,
            after={"due_on": due_on.isoformat()},
        )
        made.append(request)
    incident.agencies.add(*organisations)
    return made


@transaction.atomic
def information_record_view(*, access: Access, request: InformationRequest, page: str) -> None:
    """Log that someone looked at an agency's information (or downloaded its file)."""
    request_policy.require(access, "view", request)
    kind = events.INFORMATION_DOWNLOADED if page == "attachment" else events.INFORMATION_VIEWED
    record_event(
        kind=kind,
        actor=access.user,
        target=request,
        organisation=request.organisation,
        data={"page": page},
    )


@transaction.atomic
def information_return_submit(
    *, access: Access, request: InformationRequest, attachment: Any = None, **fields: Any
) -> InformationRequest:
    """Return an agency's information (chronology, analysis, immediate learning and actions
    taken, with an optional file). It is returned once and cannot then be changed."""
    request_policy.require(access, "submit", request)
    if not any(str(fields.get(name, "")).strip() for name in RETURN_FIELDS):
        raise ValidationError("Enter the agency's information before returning it.")
    if attachment is not None and attachment.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError({"attachment": "The file must be smaller than 10 MB."})
    for name in RETURN_FIELDS:
        setattr(request, name, fields.get(name, ""))
    if attachment is not None:
        request.attachment = attachment
    request.submitted_at = timezone.now()
    request.submitted_by = access.user
    request.full_clean()
    request.save()
    record_event(
        kind=events.INFORMATION_RETURNED,
        actor=access.user,
        target=request,
        organisation=request.organisation,
        after={**snapshot(request, RETURN_FIELDS), "attachment": bool(attachment)},
    )
    return request
