"""Named rules for the work programme."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from .choices import ItemKind

# Kinds that count as audits towards the yearly limit.
AUDIT_KINDS = frozenset({ItemKind.CASE_FILE_AUDIT, ItemKind.DEEP_DIVE, ItemKind.COMPLIANCE_AUDIT})
# Kinds that recur every year and are always copied forward.
RECURRING_KINDS = frozenset({ItemKind.DASHBOARD_REVIEW, ItemKind.SELF_ASSESSMENT})


def max_audits() -> int:
    """The most audits a year's programme should hold (setting ``PROGRAMME_MAX_AUDITS``,
    default 6, as the subgroup's terms of reference say)."""
    return int(getattr(settings, "PROGRAMME_MAX_AUDITS", 6))


def deep_dive_required() -> bool:
    """Whether each year needs at least one deep dive (``PROGRAMME_REQUIRE_DEEP_DIVE``,
    default True)."""
    return bool(getattr(settings, "PROGRAMME_REQUIRE_DEEP_DIVE", True))


def programme_warnings(kinds: Iterable[str]) -> list[str]:
    """The policy warnings for a programme holding items of these kinds:

    * more than ``max_audits()`` audits (case file audits, deep dives, compliance audits);
    * no deep dive, when ``deep_dive_required()``.

    Warnings, not errors: the subgroup may decide otherwise, but it should see it.
    """
    kinds = list(kinds)
    audits = sum(1 for kind in kinds if kind in AUDIT_KINDS)
    warnings = []
    limit = max_audits()
    if audits > limit:
        warnings.append(
            f"The programme holds {audits} audits; the policy is no more than {limit} a year."
        )
    if deep_dive_required() and ItemKind.DEEP_DIVE not in kinds:
        warnings.append("The programme has no deep dive; the policy is at least one a year.")
    return warnings


def copied_forward(kind: str, status: str) -> bool:
    """Whether an item is copied into next year's programme: recurring work always, and
    any other item that was not done (planned, in progress or slipped)."""
    return kind in RECURRING_KINDS or status != "done"
