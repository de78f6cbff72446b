"""What every importer produces: minimised rows, and the problems found on the way."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from safeguarding_qa.core.exports import cell_value

if TYPE_CHECKING:
    import polars as pl

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_REPORTED = 5000
Progress = Callable[[int, str], None]

# Column order of CaseEvent rows as the importers build them.
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
EventRow = tuple[
    str, str, date | None, date | None, date | None, str, str, int | None, bool | None, str, str
]


@dataclass(frozen=True)
class Issue:
    """One problem: where it is, the value, what is wrong. ``blocking`` for errors."""

    where: str
    row: int | None
    column: str
    value: str
    problem: str
    blocking: bool = True


@dataclass
class Child:
    sex: str = ""
    ethnicity: str = ""
    birth_month: date | None = None
    disabled: bool | None = None
    team: str = ""


@dataclass
class Parsed:
    """The result of reading one file: children, events, problems and descriptions.

    The CIN reader builds ``children`` and ``events`` one child at a time. The Annex A
    reader works on columns and leaves them as Polars frames (``child_table``,
    ``event_table``): a large county's file is millions of cells, and a frame is a
    fraction of the memory of the same rows as Python tuples. ``children`` and
    ``events`` still give rows for either, built on first use.
    """

    as_at: date | None = None
    version: str = ""
    child_rows: dict[str, Child] = field(default_factory=dict)
    event_rows: list[EventRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    error_total: int = 0
    warning_total: int = 0
    child_table: pl.DataFrame | None = None
    event_table: pl.DataFrame | None = None

    @property
    def children(self) -> dict[str, Child]:
        if self.child_table is not None and not self.child_rows:
            self.child_rows = {row[0]: Child(*row[1:]) for row in self.child_table.iter_rows()}
        return self.child_rows

    @property
    def events(self) -> list[EventRow]:
        if self.event_table is not None and not self.event_rows:
            self.event_rows = self.event_table.rows()
        return self.event_rows

    @property
    def child_count(self) -> int:
        return len(self.child_rows) if self.child_table is None else self.child_table.height

    @property
    def event_count(self) -> int:
        return len(self.event_rows) if self.event_table is None else self.event_table.height

    def events_table(self) -> pl.DataFrame:
        """Every event as a frame (``EVENT_COLUMNS``); rows read one at a time are put
        into it once, for the overlap check, the indicators and storing alike."""
        if self.event_table is None:
            import polars as pl

            self.event_table = pl.DataFrame(
                self.event_rows, schema=frame_schema(EVENT_COLUMNS), orient="row"
            )
        return self.event_table

    def events_frame(self) -> pl.DataFrame:
        """The events as the indicators read them (``frames.EVENT_SCHEMA`` columns)."""
        from ..frames import EVENT_SCHEMA

        return self.events_table().select(list(EVENT_SCHEMA))

    def error(self, where: str, row: int | None, column: str, value: Any, problem: str) -> None:
        self.error_total += 1
        if self.error_total <= MAX_REPORTED:
            self.issues.append(Issue(where, row, column, _shown(value), problem, True))

    def warn(self, where: str, row: int | None, column: str, value: Any, problem: str) -> None:
        self.warning_total += 1
        if self.warning_total <= MAX_REPORTED:
            self.issues.append(Issue(where, row, column, _shown(value), problem, False))

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.blocking]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if not issue.blocking]


def frame_schema(columns: tuple[str, ...]) -> list[tuple[str, Any]]:
    """Polars types for event or child columns (text unless listed)."""
    import polars as pl

    types = {
        "started_on": pl.Date,
        "ended_on": pl.Date,
        "event_on": pl.Date,
        "birth_month": pl.Date,
        "count": pl.Int64,
        "flag": pl.Boolean,
        "disabled": pl.Boolean,
    }
    return [(name, types.get(name, pl.Utf8)) for name in columns]


class FileRefused(Exception):
    """The file as a whole cannot be imported (not a workbook, hostile, too big...)."""


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)[:200]


def report_csv(issues: list[Issue], *, total: int) -> str:
    """The downloadable report: list, row, column, value, what is wrong (formula-safe)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["List or section", "Row", "Column", "Value", "What is wrong"])
    for issue in issues:
        writer.writerow(
            [cell_value(part) for part in (issue.where, issue.row, issue.column, issue.value)]
            + [cell_value(issue.problem)]
        )
    if total > len(issues):
        writer.writerow(["", "", "", "", f"... and {total - len(issues)} more not listed."])
    return buffer.getvalue()
