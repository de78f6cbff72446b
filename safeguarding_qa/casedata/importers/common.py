"""What every importer produces: minimised rows, and the problems found on the way."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from safeguarding_qa.core.exports import cell_value

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_REPORTED = 5000
Progress = Callable[[int, str], None]

# Column order of CaseEvent rows as the importers build them (see store.EVENT_COLUMNS).
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
    """The result of reading one file: children, events, problems and descriptions."""

    as_at: date | None = None
    version: str = ""
    children: dict[str, Child] = field(default_factory=dict)
    events: list[EventRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    error_total: int = 0
    warning_total: int = 0

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
