"""Writes for actions: add, change, progress updates with evidence, and sign-off."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot
from safeguarding_qa.partnership.models import Organisation

from .. import events
from ..choices import ActionStatus
from ..models import Action, ProgressUpdate, Recommendation
from ..policies import actions_policy

ACTION_FIELDS = ["organisation", "owner", "description", "due_on", "priority", "status"]
# The statuses an agency may move its own open action to when recording progress.
PROGRESS_STATUSES = (
    ActionStatus.NOT_STARTED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.AWAITING_SIGN_OFF,
)


def _require_owner_in_organisation(owner: Any, organisation: Organisation) -> None:
    """An action's owner is an active person in the action's organisation."""
    if owner is None:
        return
    if owner.organisation_id != organisation.pk or not owner.is_active:
        raise ValidationError({"owner": f"Choose an active person in {organisation} as the owner."})


@transaction.atomic
def action_create(
    *,
    actor: Any,
    recommendation: Recommendation,
    organisation: Organisation,
    description: str,
    due_on: date,
    owner: Any = None,
    priority: str = "medium",
) -> Action:
    """Add an action for one organisation towards a recommendation."""
    actions_policy.require(Access.for_user(actor), "manage")
    _require_owner_in_organisation(owner, organisation)
    action = Action(
        recommendation=recommendation,
        organisation=organisation,
        owner=owner,
        description=description,
        due_on=due_on,
        priority=priority,
    )
    action.full_clean()
    action.save()
    record_event(
        kind=events.ACTION_CREATED,
        actor=actor,
        target=action,
        organisation=organisation,
        after=snapshot(action, ACTION_FIELDS),
    )
    return action


@transaction.atomic
def action_update(*, actor: Any, action: Action, **fields: Any) -> Action:
    """Change an action's organisation, owner, description, due date or priority."""
    actions_policy.require(Access.for_user(actor), "manage", action)
    fields.pop("status", None)  # status moves only through progress and sign-off
    organisation = fields.get("organisation", action.organisation)
    _require_owner_in_organisation(fields.get("owner", action.owner), organisation)
    changes = save_changes(action, fields, tracked=ACTION_FIELDS)
    if changes["after"]:
        record_event(
            kind=events.ACTION_CHANGED,
            actor=actor,
            target=action,
            organisation=action.organisation,
            **changes,
        )
    return action


@transaction.atomic
def action_record_progress(
    *,
    actor: Any,
    action: Action,
    text: str,
    status: str,
    written_on: date | None = None,
    evidence_link: str = "",
    evidence_file: UploadedFile | None = None,
) -> ProgressUpdate:
    """Record dated progress on an open action, optionally with evidence and a new status
    (not started, in progress, or completed and awaiting sign-off)."""
    access = Access.for_user(actor)
    action = Action.objects.select_for_update().get(pk=action.pk)
    actions_policy.require(access, "update", action)
    if status not in PROGRESS_STATUSES:
        raise ValidationError({"status": "Choose not started, in progress or completed."})
    written_on = written_on or timezone.localdate()
    if written_on > timezone.localdate():
        raise ValidationError({"written_on": "The date of the update must be today or earlier."})
    update = ProgressUpdate(
        action=action,
        author=actor,
        written_on=written_on,
        text=text,
        evidence_link=evidence_link,
    )
    if evidence_file is not None:
        update.evidence_file = evidence_file
    update.full_clean()
    update.save()
    before = {"status": action.status}
    action.status = status
    if action.last_progress_on is None or written_on > action.last_progress_on:
        action.last_progress_on = written_on
    action.save(update_fields=["status", "last_progress_on", "updated_at"])
    record_event(
        kind=events.ACTION_PROGRESS_RECORDED,
        actor=actor,
        target=action,
        organisation=action.organisation,
        before=before,
        after={"status": action.status},
        data={"update": text[:500], "file": update.file_name, "link": evidence_link},
    )
    return update


@transaction.atomic
def action_sign_off(*, actor: Any, action: Action, comment: str, achieved: bool = True) -> Action:
    """Sign off a completed action (achieved), or close it as not achieved, with a comment.
    Only actions completed and awaiting sign-off can be signed off or closed."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    actions_policy.require(Access.for_user(actor), "sign_off", action)
    if not comment.strip():
        raise ValidationError({"comment": "Enter a comment on the sign-off"})
    before = {"status": action.status}
    action.status = ActionStatus.SIGNED_OFF if achieved else ActionStatus.CLOSED_NOT_ACHIEVED
    action.signed_off_by = actor
    action.signed_off_at = timezone.now()
    action.sign_off_comment = comment
    action.full_clean()
    action.save()
    record_event(
        kind=events.ACTION_SIGNED_OFF if achieved else events.ACTION_CLOSED,
        actor=actor,
        target=action,
        organisation=action.organisation,
        before=before,
        after={"status": action.status, "comment": comment},
    )
    return action
