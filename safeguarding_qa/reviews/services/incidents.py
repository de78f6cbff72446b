"""Writes for serious incidents: recording, viewing (logged), notification, rapid review,
the national panel, and commissioning a local review."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot
from safeguarding_qa.core.identifiers import decrypt_text, encrypt_text

from .. import events, rules
from ..choices import ReviewKind
from ..models import PracticeReview, SeriousIncident
from ..policies import incidents as incident_policy
from .reviews import review_create

# Identifiers never appear here: events hold no protected data.
INCIDENT_FIELDS = [
    "reference",
    "aware_on",
    "death_or_serious_harm",
    "abuse_or_neglect",
    "summary",
    "agencies",
]
RAPID_REVIEW_FIELDS = [
    "meeting_on",
    "attendance",
    "discussion",
    "learning",
    "decision",
    "decision_rationale",
    "decided_on",
]
PANEL_FIELDS = ["sent_to_panel_on", "panel_response_on", "panel_response"]


def _require_unique_reference(reference: str, *, exclude_pk: int | None = None) -> None:
    others = SeriousIncident.objects.filter(reference__iexact=reference.strip())
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError({"reference": "That reference is already used. Enter another."})


@transaction.atomic
def incident_create(
    *, access: Access, identifiers_text: str = "", agencies: Any = (), **fields: Any
) -> SeriousIncident:
    """Record a serious incident; real identifiers are stored encrypted, never logged."""
    incident_policy.require(access, "manage")
    _require_unique_reference(str(fields.get("reference", "")))
    incident = SeriousIncident(**fields)
    incident.identifiers_encrypted = encrypt_text(identifiers_text.strip())
    incident.full_clean()
    incident.save()
    incident.agencies.set(agencies)
    record_event(
        kind=events.INCIDENT_CREATED,
        actor=access.user,
        target=incident,
        after=snapshot(incident, INCIDENT_FIELDS),
        data={"identifiers_recorded": bool(identifiers_text.strip())},
    )
    return incident


@transaction.atomic
def incident_record_view(*, access: Access, incident: SeriousIncident, page: str) -> None:
    """Log that someone looked at an incident (every view is an audit event)."""
    incident_policy.require(access, "view", incident)
    record_event(
        kind=events.INCIDENT_VIEWED, actor=access.user, target=incident, data={"page": page}
    )


@transaction.atomic
def incident_reveal_identifiers(*, access: Access, incident: SeriousIncident, reason: str) -> str:
    """The incident's real identifiers, for someone who gives a reason; the reveal and the
    reason are logged (never the identifiers themselves)."""
    incident_policy.require(access, "reveal", incident)
    if len(reason.strip()) < 10:
        raise ValidationError({"reason": "Explain why you need to see the identifiers."})
    record_event(
        kind=events.INCIDENT_REVEALED,
        actor=access.user,
        target=incident,
        data={"reason": reason.strip()},
    )
    return decrypt_text(incident.identifiers_encrypted)


@transaction.atomic
def incident_update(
    *, access: Access, incident: SeriousIncident, agencies: Any = None, **fields: Any
) -> SeriousIncident:
    """Change an incident's details and the agencies involved."""
    incident_policy.require(access, "manage", incident)
    if "reference" in fields:
        _require_unique_reference(str(fields["reference"]), exclude_pk=incident.pk)
    before = snapshot(incident, INCIDENT_FIELDS)
    save_changes(incident, fields, tracked=INCIDENT_FIELDS)
    if agencies is not None:
        incident.agencies.set(agencies)
    after = snapshot(incident, INCIDENT_FIELDS)
    names = [name for name in after if before.get(name) != after.get(name)]
    if names:
        record_event(
            kind=events.INCIDENT_CHANGED,
            actor=access.user,
            target=incident,
            before={name: before[name] for name in names},
            after={name: after[name] for name in names},
        )
    return incident


@transaction.atomic
def incident_notify(
    *, access: Access, incident: SeriousIncident, notified_on: date
) -> SeriousIncident:
    """Record that the national panel was notified, on a date, by the person acting."""
    incident_policy.require(access, "manage", incident)
    if incident.notified_on is not None:
        raise ValidationError("The national panel has already been notified of this incident.")
    if notified_on < incident.aware_on:
        raise ValidationError(
            {"notified_on": "The notification date must be on or after the date of awareness."}
        )
    changes = save_changes(
        incident,
        {"notified_on": notified_on, "notified_by": access.user},
        tracked=["notified_on", "notified_by"],
    )
    due = rules.incident_deadlines(incident)[0]
    record_event(
        kind=events.INCIDENT_NOTIFIED,
        actor=access.user,
        target=incident,
        data={"due_on": due.due_on.isoformat(), "on_time": bool(due.met)},
        **changes,
    )
    return incident


@transaction.atomic
def incident_record_rapid_review(
    *, access: Access, incident: SeriousIncident, **fields: Any
) -> SeriousIncident:
    """Record the rapid review meeting (attendance, discussion, learning) and its decision."""
    incident_policy.require(access, "manage", incident)
    if incident.practice_review_id is not None and fields.get("decision") != incident.decision:
        raise ValidationError(
            {"decision": "A local review has been commissioned; the decision cannot change."}
        )
    meeting_on = fields.get("meeting_on")
    if meeting_on and meeting_on < incident.aware_on:
        raise ValidationError(
            {"meeting_on": "The meeting must be on or after the date of awareness."}
        )
    if fields.get("decided_on") and meeting_on and fields["decided_on"] < meeting_on:
        raise ValidationError({"decided_on": "The decision cannot come before the meeting."})
    changes = save_changes(incident, fields, tracked=RAPID_REVIEW_FIELDS)
    if changes["after"]:
        record_event(
            kind=events.INCIDENT_RAPID_REVIEW, actor=access.user, target=incident, **changes
        )
    return incident


@transaction.atomic
def incident_record_panel(
    *, access: Access, incident: SeriousIncident, **fields: Any
) -> SeriousIncident:
    """Record when the rapid review went to the national panel, and the panel's reply."""
    incident_policy.require(access, "manage", incident)
    sent = fields.get("sent_to_panel_on")
    if sent and sent < incident.aware_on:
        raise ValidationError(
            {"sent_to_panel_on": "The date sent must be on or after the date of awareness."}
        )
    if fields.get("panel_response_on") and not sent:
        raise ValidationError(
            {"sent_to_panel_on": "Enter the date the rapid review was sent to the panel."}
        )
    if fields.get("panel_response_on") and sent and fields["panel_response_on"] < sent:
        raise ValidationError(
            {"panel_response_on": "The panel cannot reply before the review was sent."}
        )
    changes = save_changes(incident, fields, tracked=PANEL_FIELDS)
    if changes["after"]:
        record_event(kind=events.INCIDENT_PANEL, actor=access.user, target=incident, **changes)
    return incident


def _rapid_review_date(incident: SeriousIncident) -> date | None:
    meeting_on = incident.meeting_on
    if meeting_on and incident.notified_on and meeting_on < incident.notified_on:
        return None
    return meeting_on


@transaction.atomic
def incident_commission_lcspr(
    *, access: Access, incident: SeriousIncident, **review_fields: Any
) -> PracticeReview:
    """Commission the local review decided at the rapid review: adds an LCSPR to the
    register, linked to the incident (its terms of reference, reviewer, date)."""
    incident_policy.require(access, "manage", incident)
    if not rules.can_commission_lcspr(incident):
        raise ValidationError(
            "A local review can be commissioned only after the rapid review decided on one, "
            "and only once."
        )
    review = review_create(
        access=access,
        kind=ReviewKind.LCSPR,
        notified_on=incident.notified_on,
        rapid_review_on=_rapid_review_date(incident),
        **review_fields,
    )
    incident.practice_review = review
    incident.save(update_fields=["practice_review", "updated_at"])
    record_event(
        kind=events.INCIDENT_LCSPR_COMMISSIONED,
        actor=access.user,
        target=incident,
        after={"practice_review": str(review)},
    )
    return review
