"""Writing a checked file's rows: fast multi-row inserts inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from django.db import connection

from ..models import CaseEvent, ChildRecord, Snapshot
from .common import Parsed

EVENT_COLUMNS = (
    "kind",
    "child_key",
    "started_on",
    "ended_on",
    "event_on",
    "code",
    "detail_code",
    "count",
    "flag",
    "factors",
    "team",
)
CHILD_COLUMNS = ("child_key", "sex", "ethnicity", "birth_month", "disabled", "team")
_BATCH = 5000


def _insert(table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    quoted = ", ".join(connection.ops.quote_name(column) for column in ("snapshot_id", *columns))
    placeholders = ", ".join(["%s"] * (len(columns) + 1))
    # Table and column names come from the models, never from input.
    sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        for offset in range(0, len(rows), _BATCH):
            cursor.executemany(sql, rows[offset : offset + _BATCH])


def store_rows(*, snapshot: Snapshot, parsed: Parsed) -> None:
    """Insert the children and events of ``parsed`` under ``snapshot`` (no validation)."""
    pk = snapshot.pk
    children = [
        (pk, key, c.sex, c.ethnicity, c.birth_month, c.disabled, c.team)
        for key, c in parsed.children.items()
    ]
    _insert(ChildRecord._meta.db_table, CHILD_COLUMNS, children)
    _insert(CaseEvent._meta.db_table, EVENT_COLUMNS, [(pk, *event) for event in parsed.events])
