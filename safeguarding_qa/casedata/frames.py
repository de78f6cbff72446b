"""A snapshot's records as Polars data frames, for indicators and cohorts.

Rows are read with one plain SQL query each (no model instances, no per-value Python
converters) and typed by Polars in bulk: SQLite hands dates back as ISO text and booleans
as integers.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from django.db import connection

from .models import CaseEvent, ChildRecord, Snapshot

EVENT_SCHEMA = {
    "kind": pl.Utf8,
    "child_key": pl.Utf8,
    "started_on": pl.Date,
    "ended_on": pl.Date,
    "event_on": pl.Date,
    "code": pl.Utf8,
    "detail_code": pl.Utf8,
    "count": pl.Int64,
    "flag": pl.Boolean,
    "factors": pl.Utf8,
}
CHILD_SCHEMA = {
    "child_key": pl.Utf8,
    "sex": pl.Utf8,
    "ethnicity": pl.Utf8,
    "birth_month": pl.Date,
    "team": pl.Utf8,
}


def _frame(table: str, schema: dict[str, Any], snapshot: Snapshot) -> pl.DataFrame:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in schema)
    # Table and column names come from the models, never from input.
    sql = f"SELECT {columns} FROM {quote(table)} WHERE snapshot_id = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [snapshot.pk])
        rows = cursor.fetchall()
    raw = pl.DataFrame(rows, schema=list(schema), orient="row", infer_schema_length=None)
    casts = []
    for name, dtype in schema.items():
        column = pl.col(name)
        if dtype == pl.Date and raw.schema[name] == pl.Utf8:
            casts.append(column.str.slice(0, 10).str.to_date("%Y-%m-%d").alias(name))
        else:
            casts.append(column.cast(dtype).alias(name))
    return raw.select(casts)


def events_frame(snapshot: Snapshot) -> pl.DataFrame:
    """Every event of the snapshot (one query)."""
    return _frame(CaseEvent._meta.db_table, EVENT_SCHEMA, snapshot)


def children_frame(snapshot: Snapshot) -> pl.DataFrame:
    """Every child of the snapshot (one query)."""
    return _frame(ChildRecord._meta.db_table, CHILD_SCHEMA, snapshot)
