"""Spreadsheet exports that are safe to open: cell escaping and streamed CSV.

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or a
carriage return, which some programs skip before looking) as a formula. Text typed by one
person could then run as a formula on another person's machine (CSV or formula
injection), so every exported text cell that starts with one of those characters gets a
leading single quote, which spreadsheets show as plain text. Numbers are left alone: they
are data the program wrote, not text anyone typed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel opens a UTF-8 CSV correctly only when it starts with a byte order mark.
UTF8_BOM = "\ufeff"


def escape_text(text: str) -> str:
    """``text`` with a leading quote when a spreadsheet would read it as a formula."""
    if text.startswith(FORMULA_TRIGGERS):
        return f"'{text}"
    return text


def cell_value(value: Any) -> str | int | float | Decimal:
    """One value as a safe spreadsheet cell, for CSV and XLSX writers alike.

    ``None`` is an empty cell; numbers stay numbers; dates and times use ISO 8601 (aware
    date-times in the local time zone); lists and dictionaries become JSON; everything else
    is text, escaped against formula injection. Pass XLSX writers (openpyxl) the result too:
    they would otherwise store a string that starts with ``=`` as a formula.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, dict | list | tuple):
        return escape_text(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))
    return escape_text(str(value))


class _Echo:
    """A file-like object whose ``write`` hands the line back, for streaming csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    header: Iterable[str], rows: Iterable[Iterable[Any]], *, bom: bool = True
) -> Iterator[str]:
    """The CSV text, one line at a time, every cell escaped: for a StreamingHttpResponse."""
    writer = csv.writer(_Echo())
    first = writer.writerow([cell_value(name) for name in header])
    yield f"{UTF8_BOM}{first}" if bom else first
    for row in rows:
        yield writer.writerow([cell_value(value) for value in row])
