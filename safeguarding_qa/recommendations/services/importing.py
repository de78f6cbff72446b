"""Importing a tracker spreadsheet: all rows or none, in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event

from .. import events
from ..choices import ActionStatus
from ..importing import ImportRow
from ..models import Action, Recommendation
from ..policies import recommendations_policy
from .actions import action_create
from .recommendations import recommendation_create

IMPORTED_SIGN_OFF = "Imported from a tracker as already {state}."


@transaction.atomic
def register_import(*, actor: Any, rows: list[ImportRow]) -> list[Recommendation]:
    """Add the checked rows (see ``importing.read_tracker``): rows sharing a reference, or
    without one sharing a title, become one recommendation with one action per row."""
    recommendations_policy.require(Access.for_user(actor), "manage")
    made: dict[str, Recommendation] = {}
    actions = 0
    for row in rows:
        key = row.reference or f"title:{row.title.lower()}"
        recommendation = made.get(key)
        if recommendation is None:
            recommendation = recommendation_create(
                actor=actor,
                reference=row.reference,
                title=row.title,
                text=row.text,
                kind=row.kind,
                source_kind=row.source_kind,
                source_label=row.source_label,
                themes=row.themes,
                lead_organisations=row.leads,
                agreed_on=row.agreed_on,
            )
            made[key] = recommendation
        if row.action:
            _import_action(actor, recommendation, row.action)
            actions += 1
    record_event(
        kind=events.REGISTER_IMPORTED,
        actor=actor,
        description="Recommendations register",
        data={"recommendations": len(made), "actions": actions},
    )
    return list(made.values())


def _import_action(actor: Any, recommendation: Recommendation, values: dict[str, Any]) -> Action:
    status = values.pop("status")
    action = action_create(actor=actor, recommendation=recommendation, **values)
    if status == ActionStatus.NOT_STARTED:
        return action
    action.status = status
    if status in (ActionStatus.SIGNED_OFF, ActionStatus.CLOSED_NOT_ACHIEVED):
        action.signed_off_by = actor
        action.signed_off_at = timezone.now()
        state = ActionStatus(status).label.lower()
        action.sign_off_comment = IMPORTED_SIGN_OFF.format(state=state)
    action.full_clean()
    action.save()
    return action
