"""Reads of the audit trail: filtered lists, keyset pages, an event's changes, CSV rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3

from safeguarding_qa.access.context import Access

from .models import AuditEvent
from .policies import events as event_policy
from .registry import EventKind, all_kinds, find

PAGE_SIZE = 50
# The columns a list row shows: the JSON fields can be large, so the list leaves them out.
LIST_COLUMNS = (
    "id",
    "sequence",
    "kind",
    "occurred_at",
    "actor_name",
    "organisation_name",
    "target_description",
)


@dataclass(frozen=True)
class EventFilters:
    """What to narrow the trail down to; empty values do not narrow anything."""

    person: Any = None
    organisation: Any = None
    kind: str = ""
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""

    def as_data(self) -> dict[str, Any]:
        """The filters as JSON-ready data, for the record of an export."""
        return {
            "person_id": self.person.pk if self.person else None,
            "person": str(self.person) if self.person else "",
            "organisation_id": self.organisation.pk if self.organisation else None,
            "organisation": str(self.organisation) if self.organisation else "",
            "kind": self.kind,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "search": self.search,
        }

    def describe(self) -> str:
        """The filters in words, e.g. "Person: Jo Bloggs; from 1 March 2026"."""
        parts = []
        if self.person:
            parts.append(f"person: {self.person}")
        if self.organisation:
            parts.append(f"organisation: {self.organisation}")
        if self.kind:
            kind = find(self.kind)
            parts.append(f"kind: {kind.description if kind else self.kind}")
        if self.date_from:
            parts.append(f"from {_long_date(self.date_from)}")
        if self.date_to:
            parts.append(f"to {_long_date(self.date_to)}")
        if self.search:
            parts.append(f"search: “{self.search}”")
        text = "; ".join(parts) or "all events"
        return text[0].upper() + text[1:]


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_end(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def audit_events_filtered(*, access: Access, filters: EventFilters) -> QuerySet[AuditEvent]:
    """The events this person may read that match the filters, newest first.

    Dates are whole days in the partnership's time zone; the bounds are compared with the
    stored time directly so that the index on it can be used.
    """
    events = event_policy.scope(access)
    if filters.person is not None:
        events = events.filter(actor_id=filters.person.pk)
    if filters.organisation is not None:
        events = events.filter(organisation_id=filters.organisation.pk)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.date_from:
        events = events.filter(occurred_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        events = events.filter(occurred_at__lte=_day_end(filters.date_to))
    if filters.search:
        events = events.filter(target_description__icontains=filters.search)
    return events.order_by("-sequence")


@dataclass(frozen=True)
class EventPage:
    """One page of events, newest first, and where the neighbouring pages start."""

    events: list[AuditEvent]
    newer_than: int | None  # ``after`` for the link to newer events, if there are any
    older_than: int | None  # ``before`` for the link to older events, if there are any


def audit_event_page(
    events: QuerySet[AuditEvent],
    *,
    before: int | None = None,
    after: int | None = None,
    size: int = PAGE_SIZE,
) -> EventPage:
    """A keyset page: the events just older than ``before`` or just newer than ``after``.

    Keyset paging reads one index range per page and never counts the whole (possibly
    very large) trail, so every page costs the same whatever the trail's size.
    """
    rows = events.only(*LIST_COLUMNS)
    if after is not None:
        newer = list(rows.filter(sequence__gt=after).order_by("sequence")[: size + 1])
        page = newer[:size][::-1]
        more_newer, more_older = len(newer) > size, None
    else:
        older = rows.filter(sequence__lt=before) if before is not None else rows
        fetched = list(older.order_by("-sequence")[: size + 1])
        page = fetched[:size]
        more_newer, more_older = None, len(fetched) > size
    if page and more_older is None:
        more_older = events.filter(sequence__lt=page[-1].sequence).exists()
    if page and more_newer is None:
        more_newer = before is not None and events.filter(sequence__gt=page[0].sequence).exists()
    return EventPage(
        events=page,
        newer_than=page[0].sequence if page and more_newer else None,
        older_than=page[-1].sequence if page and more_older else None,
    )


@dataclass(frozen=True)
class EventRow:
    """One row of the list, ready to print: formatted once in Python rather than by a
    template tag and filters per row (50 rows a page)."""

    sequence: int
    url: str
    when: str
    who: str
    organisation: str
    what: str
    about: str


def _when(moment: datetime) -> str:
    """As the template filter ``date:"j M Y, H:i:s"`` prints it, in the local time zone."""
    local = timezone.localtime(moment)
    return f"{local.day} {MONTHS_3[local.month].title()} {local.year}, {local:%H:%M:%S}"


def audit_event_rows(events: list[AuditEvent]) -> list[EventRow]:
    """The list's rows for a page of events; one URL reversed, the rest by sequence."""
    if not events:
        return []
    # Every detail URL differs only by the sequence: reverse one and substitute the rest.
    marker = 999_999_999
    pattern = reverse("audittrail:event-detail", args=[marker])
    return [
        EventRow(
            sequence=event.sequence,
            url=pattern.replace(str(marker), str(event.sequence)),
            when=_when(event.occurred_at),
            who=event.actor_name or "The system",
            organisation=event.organisation_name or "Partnership-wide",
            what=event.kind_description,
            about=event.target_description,
        )
        for event in events
    ]


def audit_event_kinds() -> list[EventKind]:
    """Every defined kind of event, by description, for choosing one."""
    return sorted(all_kinds(), key=lambda kind: kind.description.lower())


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


def audit_event_changes(event: AuditEvent) -> list[FieldChange]:
    """Each field in the event's before or after, with both values as text."""
    before = event.before or {}
    after = event.after or {}
    names = list(after) + [name for name in before if name not in after]
    return [
        FieldChange(
            field=_label(name),
            before=_as_text(before.get(name), name in before),
            after=_as_text(after.get(name), name in after),
        )
        for name in names
    ]


def audit_event_data_items(event: AuditEvent) -> list[tuple[str, str]]:
    """The event's other recorded details as (name, value) text pairs."""
    data = event.data if isinstance(event.data, dict) else {"data": event.data}
    return [(_label(name), _as_text(value, True)) for name, value in data.items()]


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _as_text(value: Any, present: bool) -> str:
    if not present:
        return "Not recorded"
    if value is None or value == "":
        return "Empty"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


EXPORT_HEADER = (
    "Event",
    "When",
    "Kind",
    "What happened",
    "Person",
    "Person ID",
    "Organisation",
    "Organisation ID",
    "Target type",
    "Target ID",
    "Target description",
    "Request ID",
    "IP address",
    "Before",
    "After",
    "Data",
    "Previous hash",
    "Hash",
)


def audit_event_export_rows(events: QuerySet[AuditEvent]) -> Iterator[tuple[Any, ...]]:
    """One tuple per event in ``EXPORT_HEADER`` order, read in chunks, never all at once.

    Times keep their microseconds and offset, so an exported event can be checked against
    its hash.
    """
    for event in events.iterator(chunk_size=2000):
        yield (
            event.sequence,
            timezone.localtime(event.occurred_at).isoformat(timespec="microseconds"),
            event.kind,
            event.kind_description,
            event.actor_name,
            event.actor_id,
            event.organisation_name,
            event.organisation_id,
            event.target_type,
            event.target_id,
            event.target_description,
            event.request_id,
            event.ip_address,
            event.before,
            event.after,
            event.data,
            event.previous_hash,
            event.hash,
        )
