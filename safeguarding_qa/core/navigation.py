"""The service navigation: each app registers its entries with the capability they need.

Core knows nothing of roles; it asks the request's ``access`` object whether an entry's
capability is held, so apps can add entries without touching the base layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavigationEntry:
    label: str
    url_name: str
    capability: str | None
    order: int
    # URL prefixes that mark the entry as the current section.
    section_prefix: str


_entries: dict[str, NavigationEntry] = {}


def register(
    *, label: str, url_name: str, capability: str | None, order: int, section_prefix: str
) -> None:
    """Add an entry; registering the same URL name twice is a programming error."""
    if url_name in _entries and _entries[url_name].label != label:
        raise ValueError(f"Navigation entry {url_name!r} is already registered.")
    _entries[url_name] = NavigationEntry(label, url_name, capability, order, section_prefix)


def entries_for(request: HttpRequest) -> list[dict[str, object]]:
    """The entries this request's user may follow, marked current where the path is inside."""
    access = getattr(request, "access", None)
    if access is None or not access.is_authenticated:
        return []
    visible = []
    for entry in sorted(_entries.values(), key=lambda item: item.order):
        if entry.capability is not None and not access.can(entry.capability):
            continue
        href = reverse(entry.url_name)
        if entry.section_prefix == "/":
            current = request.path == "/"
        else:
            current = request.path.startswith(entry.section_prefix)
        visible.append({"text": entry.label, "href": href, "current": current})
    return visible
