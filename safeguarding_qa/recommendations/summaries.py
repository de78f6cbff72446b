"""Completion and overdue rates per organisation and per source (two queries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from safeguarding_qa.access.context import Access

from . import rules
from .choices import ActionStatus, SourceKind
from .policies import actions_policy


@dataclass(frozen=True)
class RateRow:
    name: str
    total: int
    signed_off: int
    awaiting: int
    overdue: int

    @property
    def completion_rate(self) -> int:
        """Signed-off actions as a whole percentage of all actions."""
        return round(100 * self.signed_off / self.total) if self.total else 0

    @property
    def overdue_rate(self) -> int:
        return round(100 * self.overdue / self.total) if self.total else 0


def _rates(access: Access, today: date, group_by: str) -> list[tuple[str, RateRow]]:
    rows = (
        actions_policy.scope(access)
        .values(group_by)
        .annotate(
            total=Count("pk"),
            signed_off=Count("pk", filter=Q(status=ActionStatus.SIGNED_OFF)),
            awaiting=Count("pk", filter=Q(status=ActionStatus.AWAITING_SIGN_OFF)),
            overdue=Count("pk", filter=rules.overdue_q(today)),
        )
        .order_by(group_by)
    )
    return [
        (
            str(row[group_by]),
            RateRow(
                name=str(row[group_by]),
                total=row["total"],
                signed_off=row["signed_off"],
                awaiting=row["awaiting"],
                overdue=row["overdue"],
            ),
        )
        for row in rows
    ]


def rates_by_organisation(*, access: Access, today: date) -> list[RateRow]:
    """Each organisation's actions in scope: how many signed off, awaiting, overdue."""
    return [row for _, row in _rates(access, today, "organisation__name")]


def rates_by_source(*, access: Access, today: date) -> list[RateRow]:
    """The same, per kind of source (audit, practice review...)."""
    labels = dict(SourceKind.choices)
    return [
        RateRow(
            name=str(labels.get(key, key)),
            total=row.total,
            signed_off=row.signed_off,
            awaiting=row.awaiting,
            overdue=row.overdue,
        )
        for key, row in _rates(access, today, "recommendation__source_kind")
    ]
