"""The permission matrix: every route, every persona, the status each must get.

Each app declares its rows in ``<app>/tests/permission_matrix.py`` as a ``ROUTES`` list of
``RouteCheck`` (and, if its routes need objects, a ``build(world)`` function that adds them
to ``world.objects``). ``access/tests/test_permission_matrix.py`` collects every app's rows,
fails when any named route in the URLconf has none, and runs each row for every persona.
A refused write (any status other than the allowed one) must leave the database unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

ANONYMOUS = "anonymous"
# The personas of safeguarding_qa/demo/personas.py, plus someone not signed in.
PERSONA_KEYS = (
    ANONYMOUS,
    "admin",
    "admin_icb",
    "chair",
    "qa_lead",
    "lead_council",
    "lead_police",
    "lead_hospital",
    "auditor_council",
    "auditor_police",
    "auditor_hospital",
    "scrutineer",
    "lay_member",
    "viewer",
    "viewer_police",
)
SIGN_IN_REDIRECT = 302


@dataclass
class World:
    """The personas and the objects the rows refer to (own and other organisation)."""

    personas: dict[str, Any]
    organisations: dict[str, Any]
    objects: dict[str, Any] = field(default_factory=dict)


def expect(default: int, *, anonymous: int = SIGN_IN_REDIRECT, **overrides: int) -> dict[str, int]:
    """Statuses for every persona: ``default`` unless overridden by persona key."""
    unknown = set(overrides) - set(PERSONA_KEYS)
    if unknown:
        raise ValueError(f"Unknown personas in a matrix row: {sorted(unknown)}")
    statuses = dict.fromkeys(PERSONA_KEYS, default)
    statuses[ANONYMOUS] = anonymous
    statuses.update(overrides)
    return statuses


@dataclass(frozen=True)
class RouteCheck:
    """One row: a route (by URL name), how to call it, and what each persona gets.

    ``kwargs`` and ``data`` build the URL arguments and POST body from the world, so rows can
    point at an object in the persona's own organisation or in another one (``label`` tells
    such rows apart).
    """

    url_name: str
    expected: dict[str, int]
    method: str = "GET"
    kwargs: Callable[[World], dict[str, Any]] | None = None
    data: Callable[[World], dict[str, Any]] | None = None
    label: str = ""

    @property
    def id(self) -> str:
        suffix = f"[{self.label}]" if self.label else ""
        return f"{self.method} {self.url_name}{suffix}"


def named_routes() -> set[str]:
    """Every named route of the URLconf, as "namespace:name"."""
    return set(_walk(get_resolver().url_patterns, ""))


def _walk(patterns: list[Any], namespace: str) -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"
