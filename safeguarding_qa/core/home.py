"""The "what needs me" list on each person's home page.

Capabilities register providers; each provider returns the items that need this person
(returns to complete, actions due, sign-offs waiting...). Providers must run a fixed number
of queries, whatever the amount of data.

The list is bounded, so the home page costs the same after years of data: it shows the
``LIST_LIMIT`` soonest items. A provider whose items can grow with the data returns a
``NeedsMeList`` of batches, one per kind: at most ``PROVIDER_LIMIT`` items, how many there
are in all (a COUNT query, not rows loaded) and the page that lists them all; the home page
then says "and N more" with a link to that page. A provider with only a handful of items
may return a plain list of ``NeedsMe``; those are always shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

LIST_LIMIT = 10  # items on the home page
PROVIDER_LIMIT = 5  # items one batch may offer; the rest are counted


@dataclass(frozen=True)
class NeedsMe:
    """One thing waiting for this person."""

    title: str
    url: str
    detail: str = ""
    due: date | None = None
    tag: str = ""
    tag_class: str = ""


@dataclass(frozen=True)
class NeedsMeBatch:
    """Items of one kind: the first few, soonest first, and how many there are in all."""

    items: Sequence[NeedsMe]
    total: int
    more_url: str
    more_label: str  # what they are, in the plural: "returns to complete"


class NeedsMeList(list[NeedsMe]):
    """What a provider with growing kinds of items returns: still a list of its items (so
    callers that read a provider's items need not change), with each kind's batch kept."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[NeedsMeBatch] = []

    def add(self, items: Sequence[NeedsMe], *, total: int, more_url: str, more_label: str) -> None:
        """Adds one kind: its first items (at most ``PROVIDER_LIMIT`` are kept) and how
        many there are in all. A kind with none is left out."""
        if not total:
            return
        batch = NeedsMeBatch(
            items=list(items[:PROVIDER_LIMIT]),
            total=total,
            more_url=more_url,
            more_label=more_label,
        )
        self.batches.append(batch)
        self.extend(batch.items)


@dataclass(frozen=True)
class MoreNeedsMe:
    """Items of one kind the home page does not list, and where to see them all."""

    count: int
    label: str
    url: str


@dataclass(frozen=True)
class NeedsMeSummary:
    """The home page's list: at most ``LIST_LIMIT`` items (plus any plain ones), soonest
    first, and what is left over, kind by kind. Iterating gives the listed items."""

    items: list[NeedsMe]
    more: list[MoreNeedsMe] = field(default_factory=list)

    def __iter__(self) -> Iterator[NeedsMe]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items or self.more)

    @property
    def rows(self) -> list[SafeString]:
        """Each listed item's task-list row, built here once rather than by the template's
        loop (whose per-row tags and filters were most of the page's rendering time). The
        markup is the template's, byte for byte."""
        return [_row(item, counter) for counter, item in enumerate(self.items, start=1)]

    @property
    def more_count(self) -> int:
        return sum(entry.count for entry in self.more)


def _hint(item: NeedsMe) -> SafeString:
    if not (item.detail or item.due):
        return mark_safe("")
    due = ""
    if item.due:
        due = format_html("{}Due {}", ". " if item.detail else "", date_filter(item.due, "j F Y"))
    return format_html('<div class="govuk-task-list__hint">{}{}</div>', item.detail, due)


def _tag(item: NeedsMe) -> SafeString:
    if not item.tag:
        return mark_safe("")
    return format_html('<strong class="govuk-tag {}">{}</strong>', item.tag_class, item.tag)


def _row(item: NeedsMe, counter: int) -> SafeString:
    return format_html(
        "\n"
        '  <li class="govuk-task-list__item govuk-task-list__item--with-link">\n'
        '    <div class="govuk-task-list__name-and-hint">\n'
        '      <a class="govuk-link govuk-task-list__link" href="{url}"'
        ' aria-describedby="needs-me-{counter}-status">{title}</a>\n'
        "      {hint}\n"
        "    </div>\n"
        '    <div class="govuk-task-list__status" id="needs-me-{counter}-status">\n'
        "      {tag}\n"
        "    </div>\n"
        "  </li>\n"
        "  ",
        url=item.url,
        counter=counter,
        title=item.title,
        hint=_hint(item),
        tag=_tag(item),
    )


def first_and_total(rows: QuerySet[Any], limit: int = PROVIDER_LIMIT) -> tuple[list[Any], int]:
    """The first ``limit`` rows of an ordered queryset and how many match in all, in one
    query (``COUNT(*) OVER ()``): no row beyond the limit is loaded, and no second query is
    needed. A DISTINCT queryset is counted separately, as the window would count duplicates.
    A ``values()`` queryset gives dictionaries: cheaper than model instances for a provider
    that only shows a few columns."""
    if rows.query.is_empty():
        # ``none()``, for people the kind is not for: building the windowed query only to
        # find it empty cost as much as running one.
        return [], 0
    if rows.query.distinct:
        return list(rows[:limit]), rows.count()
    first = list(rows.annotate(needs_me_total=Window(Count("pk")))[:limit])
    if not first:
        return first, 0
    head = first[0]
    return first, (head["needs_me_total"] if isinstance(head, dict) else head.needs_me_total)


Provider = Callable[[HttpRequest], list[NeedsMe]]
_providers: dict[str, Provider] = {}


def register_provider(name: str, provider: Provider) -> None:
    if name in _providers:
        raise ValueError(f"A 'what needs me' provider named {name!r} already exists.")
    _providers[name] = provider


def _soonest(item: NeedsMe) -> tuple[bool, date, str]:
    return (item.due is None, item.due or date.max, item.title)


def needs_me_for(request: HttpRequest) -> NeedsMeSummary:
    """Everything waiting for the signed-in person, soonest due first, bounded."""
    plain: list[NeedsMe] = []
    batches: list[NeedsMeBatch] = []
    for provider in _providers.values():
        items = provider(request)
        if isinstance(items, NeedsMeList):
            batches.extend(items.batches)
        else:
            plain.extend(items)
    offered = [
        (item, index)
        for index, batch in enumerate(batches)
        for item in batch.items[:PROVIDER_LIMIT]
    ]
    offered.sort(key=lambda pair: _soonest(pair[0]))
    listed = offered[: max(LIST_LIMIT - len(plain), 0)]
    shown = [0] * len(batches)
    for _item, index in listed:
        shown[index] += 1
    more = [
        MoreNeedsMe(count=batch.total - shown[index], label=batch.more_label, url=batch.more_url)
        for index, batch in enumerate(batches)
        if batch.total > shown[index]
    ]
    return NeedsMeSummary(
        items=sorted(plain + [item for item, _index in listed], key=_soonest), more=more
    )
