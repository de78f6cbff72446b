"""Writes for work programmes and their items."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, save_changes, snapshot

from .. import events, rules
from ..choices import ItemStatus
from ..models import ProgrammeItem, WorkProgramme
from ..policies import items as item_policy
from ..policies import programmes as programme_policy

ITEM_FIELDS = ["kind", "title", "theme", "quarter", "target_meeting", "status", "notes"]


def _require_new_year(year: int) -> None:
    if WorkProgramme.objects.filter(year=year).exists():
        raise ValidationError(
            {"year": f"There is already a work programme for {year} to {year + 1}."}
        )


@transaction.atomic
def programme_create(*, access: Access, year: int, notes: str = "") -> WorkProgramme:
    """Start an empty programme for the April–March year beginning in ``year``."""
    programme_policy.require(access, "manage")
    _require_new_year(year)
    programme = WorkProgramme(year=year, notes=notes)
    programme.full_clean()
    programme.save()
    record_event(
        kind=events.PROGRAMME_CREATED,
        actor=access.user,
        target=programme,
        after=snapshot(programme, ["year", "notes"]),
    )
    return programme


@transaction.atomic
def programme_copy_forward(*, access: Access, programme: WorkProgramme) -> WorkProgramme:
    """Start next year's programme from this one (see ``rules.copied_forward``): each copy
    is planned, with no target meeting, and remembers the item it was copied from."""
    programme_policy.require(access, "manage", programme)
    year = programme.year + 1
    _require_new_year(year)
    following = WorkProgramme.objects.create(
        year=year, notes=f"Copied forward from the {programme.label} programme."
    )
    copies = [
        ProgrammeItem(
            programme=following,
            kind=item.kind,
            title=item.title,
            theme=item.theme,
            quarter=item.quarter,
            notes=item.notes,
            status=ItemStatus.PLANNED,
            copied_from=item,
        )
        for item in programme.items.order_by("pk")
        if rules.copied_forward(item.kind, item.status)
    ]
    ProgrammeItem.objects.bulk_create(copies)
    record_event(
        kind=events.PROGRAMME_COPIED_FORWARD,
        actor=access.user,
        target=following,
        data={"from": programme.year, "items": len(copies)},
    )
    return following


def _check_meeting(programme: WorkProgramme, fields: dict[str, Any]) -> None:
    meeting = fields.get("target_meeting")
    if meeting is None:
        return
    from safeguarding_qa.meetings.selectors import year_bounds

    start, end = year_bounds(programme.year)
    if not start <= meeting.starts_at < end:
        raise ValidationError(
            {"target_meeting": "Choose a meeting in the programme's year (April to March)"}
        )


@transaction.atomic
def programme_item_add(*, access: Access, programme: WorkProgramme, **fields: Any) -> ProgrammeItem:
    """Add a planned item to a programme."""
    programme_policy.require(access, "manage", programme)
    _check_meeting(programme, fields)
    item = ProgrammeItem(programme=programme, **fields)
    item.full_clean()
    item.save()
    record_event(
        kind=events.PROGRAMME_ITEM_ADDED,
        actor=access.user,
        target=item,
        after=snapshot(item, ITEM_FIELDS),
        data={"programme": programme.year},
    )
    return item


@transaction.atomic
def programme_item_update(*, access: Access, item: ProgrammeItem, **fields: Any) -> ProgrammeItem:
    """Change an item (its status, meeting, theme...); records only what changed."""
    item_policy.require(access, "manage", item)
    _check_meeting(item.programme, fields)
    changes = save_changes(item, fields, tracked=ITEM_FIELDS)
    if changes["after"]:
        record_event(kind=events.PROGRAMME_ITEM_CHANGED, actor=access.user, target=item, **changes)
    return item


@transaction.atomic
def programme_item_remove(*, access: Access, item: ProgrammeItem) -> None:
    """Remove an item that has not become anything yet."""
    item_policy.require(access, "manage", item)
    if item.object_id is not None:
        raise ValidationError(
            "This item is linked to work already started; mark it done or slipped."
        )
    record_event(
        kind=events.PROGRAMME_ITEM_REMOVED,
        actor=access.user,
        target=item,
        before=snapshot(item, ITEM_FIELDS),
    )
    item.delete()


@transaction.atomic
def programme_item_link(*, access: Access, item: ProgrammeItem, target: Model) -> ProgrammeItem:
    """Record what a planned item became (for example the audit created from it) and mark
    it in progress. For other apps' services, such as "create an audit from this item"."""
    item_policy.require(access, "manage", item)
    if item.object_id is not None:
        raise ValidationError("This item is already linked.")
    item.content_type = ContentType.objects.get_for_model(target)
    item.object_id = target.pk
    if item.status == ItemStatus.PLANNED:
        item.status = ItemStatus.IN_PROGRESS
    item.save()
    record_event(
        kind=events.PROGRAMME_ITEM_LINKED,
        actor=access.user,
        target=item,
        data={"linked": target._meta.label_lower, "linked_id": target.pk, "to": str(target)},
    )
    return item
