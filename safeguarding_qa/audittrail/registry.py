"""The registry of audit event kinds: stable names, one definition each.

A kind is defined once, in the module of the app it belongs to; defining a name twice
fails at import, so two apps can never silently share (and confuse) an event name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventKind:
    """A typed kind of audit event, e.g. ``person.deactivated``."""

    name: str
    description: str

    def __str__(self) -> str:
        return self.name


_kinds: dict[str, EventKind] = {}


def define(name: str, description: str) -> EventKind:
    if name in _kinds:
        raise ValueError(f"Audit event kind {name!r} is defined twice.")
    if name != name.strip().lower() or "." not in name:
        raise ValueError(f"Audit event kind {name!r} must be lower case as 'area.verb'.")
    kind = EventKind(name, description)
    _kinds[name] = kind
    return kind


def get(name: str) -> EventKind:
    return _kinds[name]


def all_kinds() -> list[EventKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.name)


def find(name: str) -> EventKind | None:
    """The kind named, or None for a name no longer defined (old events keep their name)."""
    return _kinds.get(name)
