"""Writes for a meeting's agenda and papers."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Model

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event, snapshot

from .. import events
from ..models import AgendaItem, Meeting, Paper
from ..plugins import AgendaSuggestion
from ..policies import meetings as meeting_policy

AGENDA_FIELDS = ["position", "title", "description", "presenter", "suggestion_key"]


def _next_position(meeting: Meeting) -> int:
    top = meeting.agenda_items.aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


def _add(
    access: Access,
    meeting: Meeting,
    *,
    title: str,
    description: str = "",
    presenter: str = "",
    suggestion_key: str = "",
    target: Model | None = None,
) -> AgendaItem:
    item = AgendaItem(
        meeting=meeting,
        position=_next_position(meeting),
        title=title,
        description=description,
        presenter=presenter,
        suggestion_key=suggestion_key,
    )
    if target is not None:
        item.content_type = ContentType.objects.get_for_model(target)
        item.object_id = target.pk
    item.full_clean()
    item.save()
    record_event(
        kind=events.AGENDA_ITEM_ADDED,
        actor=access.user,
        target=item,
        description=f"{item.title} on the agenda of {meeting}",
        after=snapshot(item, AGENDA_FIELDS),
        data={"meeting": meeting.pk},
    )
    return item


@transaction.atomic
def agenda_item_add(
    *, access: Access, meeting: Meeting, title: str, description: str = "", presenter: str = ""
) -> AgendaItem:
    """Add an item at the end of the agenda."""
    meeting_policy.require(access, "manage", meeting)
    return _add(access, meeting, title=title, description=description, presenter=presenter)


@transaction.atomic
def agenda_add_suggestions(
    *, access: Access, meeting: Meeting, suggestions: list[AgendaSuggestion]
) -> list[AgendaItem]:
    """Add the chosen suggestions at the end of the agenda, each once."""
    meeting_policy.require(access, "manage", meeting)
    if not suggestions:
        raise ValidationError({"suggestions": "Select at least one suggested item"})
    already = set(
        meeting.agenda_items.exclude(suggestion_key="").values_list("suggestion_key", flat=True)
    )
    return [
        _add(
            access,
            meeting,
            title=suggestion.title[:200],
            description=suggestion.description,
            suggestion_key=suggestion.key[:100],
            target=suggestion.target,
        )
        for suggestion in suggestions
        if suggestion.key not in already
    ]


@transaction.atomic
def agenda_item_remove(*, access: Access, item: AgendaItem) -> None:
    """Take an item off the agenda and close the gap in the numbering."""
    meeting = item.meeting
    meeting_policy.require(access, "manage", meeting)
    before = snapshot(item, AGENDA_FIELDS)
    description = f"{item.title} taken off the agenda of {meeting}"
    position = item.position
    record_event(
        kind=events.AGENDA_ITEM_REMOVED,
        actor=access.user,
        target=item,
        description=description,
        before=before,
        data={"meeting": meeting.pk},
    )
    item.delete()
    for later in meeting.agenda_items.filter(position__gt=position).order_by("position"):
        later.position -= 1
        later.save(update_fields=["position", "updated_at"])


@transaction.atomic
def agenda_item_move(*, access: Access, item: AgendaItem, up: bool) -> AgendaItem:
    """Swap an item with the one above (or below) it; nothing happens at either end."""
    meeting = item.meeting
    meeting_policy.require(access, "manage", meeting)
    neighbour_position = item.position - 1 if up else item.position + 1
    neighbour = meeting.agenda_items.filter(position=neighbour_position).first()
    if neighbour is None:
        return item
    old = item.position
    # Park the item at 0 so the unique position constraint holds during the swap.
    item.position = 0
    item.save(update_fields=["position", "updated_at"])
    neighbour.position = old
    neighbour.save(update_fields=["position", "updated_at"])
    item.position = neighbour_position
    item.save(update_fields=["position", "updated_at"])
    record_event(
        kind=events.AGENDA_ITEM_MOVED,
        actor=access.user,
        target=item,
        before={"position": old},
        after={"position": neighbour_position},
        data={"meeting": meeting.pk},
    )
    return item


@transaction.atomic
def paper_add(
    *,
    access: Access,
    meeting: Meeting,
    title: str,
    file: UploadedFile | None = None,
    link: str = "",
    agenda_item: AgendaItem | None = None,
) -> Paper:
    """Add a paper: an uploaded file, or a link to a page (in the system or elsewhere)."""
    meeting_policy.require(access, "manage", meeting)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "Choose an item on this meeting's agenda"})
    if (file is None) == (not link):
        raise ValidationError("Upload a file or give a link, not both")
    paper = Paper(meeting=meeting, title=title, link=link, agenda_item=agenda_item)
    if file is not None:
        paper.file.save(file.name or "paper", file, save=False)
    paper.full_clean()
    paper.save()
    record_event(
        kind=events.PAPER_ADDED,
        actor=access.user,
        target=paper,
        after=snapshot(paper, ["title", "link", "agenda_item"]),
        data={"meeting": meeting.pk, "file": paper.file.name or ""},
    )
    return paper


@transaction.atomic
def paper_remove(*, access: Access, paper: Paper) -> None:
    """Remove a paper from the meeting (its uploaded file is deleted after the commit)."""
    meeting_policy.require(access, "manage", paper.meeting)
    record_event(
        kind=events.PAPER_REMOVED,
        actor=access.user,
        target=paper,
        before=snapshot(paper, ["title", "link", "agenda_item"]),
        data={"meeting": paper.meeting_id},
    )
    stored = paper.file.name
    storage = paper.file.storage
    paper.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))
