"""Writes for groups and their memberships (kept as history, never deleted)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import (
    record_event,
    save_changes,
    snapshot,
)

from .. import events
from ..models import Group, Membership
from ..policies import groups as group_policy
from ..policies import memberships as membership_policy

GROUP_FIELDS = ["name", "kind", "meeting_frequency", "purpose", "is_active"]
MEMBERSHIP_FIELDS = ["group", "person", "role", "started_on", "ended_on", "end_reason"]


def _require_unique_name(name: str, *, exclude_pk: int | None = None) -> None:
    """Two groups may not share a name, whatever its capitals or spaces."""
    others = Group.objects.filter(name__iexact=name.strip())
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError(
            {"name": f"A group called {name.strip()} already exists. Enter another name."}
        )


@transaction.atomic
def group_create(*, access: Access, **fields: Any) -> Group:
    """Add a group, such as the QA subgroup."""
    group_policy.require(access, "manage")
    _require_unique_name(str(fields.get("name", "")))
    group = Group(**fields)
    group.full_clean()
    group.save()
    record_event(
        kind=events.GROUP_CREATED,
        actor=access.user,
        target=group,
        after=snapshot(group, GROUP_FIELDS),
    )
    return group


@transaction.atomic
def group_update(*, access: Access, group: Group, **fields: Any) -> Group:
    """Change a group's details; records only the fields that changed."""
    group_policy.require(access, "manage", group)
    if "name" in fields:
        _require_unique_name(str(fields["name"]), exclude_pk=group.pk)
    changes = save_changes(group, fields, tracked=GROUP_FIELDS)
    if changes["after"]:
        record_event(kind=events.GROUP_CHANGED, actor=access.user, target=group, **changes)
    return group


@transaction.atomic
def membership_add(
    *, access: Access, group: Group, person: Any, role: str, started_on: date
) -> Membership:
    """Add a person to a group. A person holds at most one open membership of a group."""
    group_policy.require(access, "manage", group)
    if not person.is_active:
        raise ValidationError({"person": "This person is deactivated and cannot join a group."})
    if Membership.objects.filter(group=group, person=person, ended_on__isnull=True).exists():
        raise ValidationError(
            {"person": f"{person} is already a member of {group}. End that membership first."}
        )
    membership = Membership(group=group, person=person, role=role, started_on=started_on)
    membership.full_clean()
    membership.save()
    record_event(
        kind=events.MEMBERSHIP_ADDED,
        actor=access.user,
        target=membership,
        organisation=person.organisation,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
    )
    return membership


@transaction.atomic
def membership_change_role(*, access: Access, membership: Membership, role: str) -> Membership:
    """Change a person's role in a group (for example member to vice-chair)."""
    membership_policy.require(access, "manage", membership)
    if membership.ended_on is not None:
        raise ValidationError("An ended membership cannot be changed.")
    changes = save_changes(membership, {"role": role}, tracked=MEMBERSHIP_FIELDS)
    if changes["after"]:
        record_event(
            kind=events.MEMBERSHIP_CHANGED,
            actor=access.user,
            target=membership,
            organisation=membership.person.organisation,
            **changes,
        )
    return membership


@transaction.atomic
def membership_end(
    *, access: Access, membership: Membership, ended_on: date | None = None, reason: str = ""
) -> Membership:
    """End a membership on a date; the row stays as the history of the group."""
    membership_policy.require(access, "manage", membership)
    if membership.ended_on is not None:
        raise ValidationError("This membership has already ended.")
    ended_on = ended_on or timezone.localdate()
    if ended_on < membership.started_on:
        raise ValidationError(
            {"ended_on": "The end date must be on or after the date the membership started."}
        )
    changes = save_changes(
        membership, {"ended_on": ended_on, "end_reason": reason}, tracked=MEMBERSHIP_FIELDS
    )
    record_event(
        kind=events.MEMBERSHIP_ENDED,
        actor=access.user,
        target=membership,
        organisation=membership.person.organisation,
        **changes,
    )
    return membership
