"""The "what needs me" list on each person's home page.

Capabilities register providers; each provider returns the items that need this person
(returns to complete, actions due, sign-offs waiting...). Providers must run a fixed number
of queries, whatever the amount of data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest


@dataclass(frozen=True)
class NeedsMe:
    """One thing waiting for this person."""

    title: str
    url: str
    detail: str = ""
    due: date | None = None
    tag: str = ""
    tag_class: str = ""


Provider = Callable[[HttpRequest], list[NeedsMe]]
_providers: dict[str, Provider] = {}


def register_provider(name: str, provider: Provider) -> None:
    if name in _providers:
        raise ValueError(f"A 'what needs me' provider named {name!r} already exists.")
    _providers[name] = provider


def needs_me_for(request: HttpRequest) -> list[NeedsMe]:
    """Everything waiting for the signed-in person, soonest due first."""
    items: list[NeedsMe] = []
    for provider in _providers.values():
        items.extend(provider(request))
    return sorted(items, key=lambda item: (item.due is None, item.due or date.max, item.title))
