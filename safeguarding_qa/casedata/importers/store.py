"""Writing a checked file's rows: fast multi-row inserts inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django.db import connection

from ..models import CaseEvent, ChildRecord, Snapshot
from .common import CHILD_COLUMNS, EVENT_COLUMNS, Parsed, frame_schema

if TYPE_CHECKING:
    import polars as pl

# Large batches: each executemany call has a fixed cost, and the rows of one batch are
# small tuples, so 50,000 of them are a few megabytes.
_BATCH = 50_000


def _insert(table: str, columns: tuple[str, ...], batches: Iterator[list[tuple[Any, ...]]]) -> None:
    quoted = ", ".join(connection.ops.quote_name(column) for column in ("snapshot_id", *columns))
    placeholders = ", ".join(["%s"] * (len(columns) + 1))
    # Table and column names come from the models, never from input.
    sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        for batch in batches:
            cursor.executemany(sql, batch)


def _frame_batches(
    frame: pl.DataFrame, pk: int, columns: tuple[str, ...]
) -> Iterator[list[tuple[Any, ...]]]:
    """Rows of ``frame`` with the snapshot's key in front, a batch at a time.

    SQLite keeps dates as ISO text: Polars writes that text for the whole column at once,
    where the database driver would otherwise convert each date object in Python.
    """
    import polars as pl

    selected = [pl.lit(pk).alias("snapshot_id"), *(pl.col(name) for name in columns)]
    if connection.vendor == "sqlite":
        selected = [
            column.dt.strftime("%Y-%m-%d") if frame.schema.get(name) == pl.Date else column
            for name, column in zip(("snapshot_id", *columns), selected, strict=True)
        ]
    rows = frame.select(selected)
    for offset in range(0, rows.height, _BATCH):
        yield rows.slice(offset, _BATCH).rows()


def store_rows(*, snapshot: Snapshot, parsed: Parsed) -> None:
    """Insert the children and events of ``parsed`` under ``snapshot`` (no validation).

    Rows read one at a time (CIN census) are put into frames first: building a frame and
    writing its dates as text is quicker than the driver adapting each date object.
    """
    import polars as pl

    children = parsed.child_table
    if children is None:
        rows = [
            (key, c.sex, c.ethnicity, c.birth_month, c.disabled, c.team)
            for key, c in parsed.child_rows.items()
        ]
        children = pl.DataFrame(rows, schema=frame_schema(CHILD_COLUMNS), orient="row")
    events = parsed.events_table()
    pk = snapshot.pk
    _insert(ChildRecord._meta.db_table, CHILD_COLUMNS, _frame_batches(children, pk, CHILD_COLUMNS))
    _insert(CaseEvent._meta.db_table, EVENT_COLUMNS, _frame_batches(events, pk, EVENT_COLUMNS))
