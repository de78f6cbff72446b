"""The XLSX return template: written pre-filled, read back safely.

Reading uses openpyxl's read-only mode (openpyxl parses with defusedxml when it is
installed, as it is here) after checking the file's size and the zip's expansion, so a
crafted file cannot exhaust memory.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from safeguarding_qa.core.exports import escape_text

from .models import Indicator, IndicatorValue, Period
from .services.returns import ReturnInvalid, ReturnProblem, ReturnRow

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 25 * 1024 * 1024
MAX_ZIP_RATIO = 100
MAX_ROWS = 500
SHEET = "Return"
HEADER_ROW = 5
COLUMNS = (
    "Code",
    "Indicator",
    "Unit",
    "Numerator",
    "Denominator",
    "Value",
    "Reason for change",
    "Numerator definition",
    "Denominator definition",
)
_NUMERIC = {3: "Numerator", 4: "Denominator", 5: "Value"}
_LETTERS = "ABCDEFGHI"


def template_bytes(
    *, organisation: Any, period: Period, rows: list[tuple[Indicator, IndicatorValue | None]]
) -> bytes:
    """A workbook listing the organisation's indicators, with any values already in."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101  (a new workbook always has one sheet)
    sheet.title = SHEET
    sheet.append(["Organisation", escape_text(str(organisation))])
    sheet.append(["Month" if period.is_month else "Quarter", period.label])
    sheet.append(["Deadline", period.deadline.isoformat()])
    sheet.append(
        [
            "Fill in Numerator and Denominator for percentages, Numerator for rates per "
            "10,000 (the population is applied for you), Value for counts and days. "
            "A changed value needs a reason."
        ]
    )
    sheet.append(list(COLUMNS))
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
    for indicator, value in rows:
        sheet.append(
            [
                indicator.code,
                escape_text(indicator.title),
                indicator.get_unit_display(),
                _number(value.numerator) if value and indicator.takes_numerator else None,
                _number(value.denominator) if value and indicator.needs_denominator else None,
                _number(value.value) if value and not indicator.takes_numerator else None,
                None,
                escape_text(indicator.numerator_definition),
                escape_text(indicator.denominator_definition),
            ]
        )
    for letter, width in zip(_LETTERS, (24, 50, 24, 12, 12, 12, 30, 50, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _check_archive(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise _refuse(
            "The file is not an Excel workbook (.xlsx). Download the template and use that."
        ) from error
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNCOMPRESSED_BYTES or total > MAX_ZIP_RATIO * max(len(data), 1):
        raise _refuse("The workbook expands to more data than a return can hold. Use the template.")


def _refuse(message: str) -> ReturnInvalid:
    return ReturnInvalid([ReturnProblem("", "", message)])


def read_return(upload: IO[bytes], *, period: Period) -> list[ReturnRow]:
    """The rows of an uploaded template. Raises ``ReturnInvalid`` listing every problem
    (row, column, value, what is wrong) when the file cannot be used."""
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise _refuse("The file is larger than 2 MB. Use the template, which is much smaller.")
    _check_archive(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _refuse(
            "The workbook could not be read. Save it again as .xlsx and retry."
        ) from error
    try:
        if SHEET not in book.sheetnames:
            raise _refuse(f"The workbook has no sheet called {SHEET}. Use the downloaded template.")
        return _rows(book[SHEET], period)
    finally:
        book.close()


def _rows(sheet: Any, period: Period) -> list[ReturnRow]:
    problems: list[ReturnProblem] = []
    rows: list[ReturnRow] = []
    for number, cells in enumerate(
        sheet.iter_rows(values_only=True, max_col=len(COLUMNS)), start=1
    ):
        if number > HEADER_ROW + MAX_ROWS:
            problems.append(ReturnProblem("", "", f"The return has more than {MAX_ROWS} rows."))
            break
        cells = tuple(cells) + (None,) * (len(COLUMNS) - len(cells))
        if number == 2 and str(cells[1] or "").strip() != period.label:
            problems.append(
                ReturnProblem(
                    "Row 2, column B",
                    "",
                    f"This template is for {cells[1] or 'no quarter'}, not {period.label}. "
                    f"Download the template for {period.label}.",
                )
            )
        if number <= HEADER_ROW:
            continue
        code = str(cells[0] or "").strip()
        if not code and all(c in (None, "") for c in cells[3:7]):
            continue
        numbers: dict[str, Decimal | None] = {}
        for index, name in _NUMERIC.items():
            numbers[name], problem = _decimal(cells[index])
            if problem:
                where = f"Row {number}, column {_LETTERS[index]} ({name})"
                problems.append(ReturnProblem(where, code, f"{cells[index]!s:.40} {problem}"))
        rows.append(
            ReturnRow(
                code=code,
                numerator=numbers["Numerator"],
                denominator=numbers["Denominator"],
                value=numbers["Value"],
                reason=str(cells[6] or "").strip()[:500],
                where=f"Row {number}",
            )
        )
    if problems:
        raise ReturnInvalid(problems)
    return rows


def _decimal(cell: Any) -> tuple[Decimal | None, str]:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None, ""
    if isinstance(cell, bool):
        return None, "is not a number. Enter a number."
    try:
        number = Decimal(str(cell).strip().replace(",", ""))
    except InvalidOperation:
        return None, "is not a number. Enter a number, without % or other text."
    if not number.is_finite():
        return None, "is not a number. Enter a number."
    if number < 0:
        return None, "is negative. Figures cannot be less than 0."
    if abs(number) >= Decimal("1e10"):
        return None, "is too large."
    return number.quantize(Decimal("0.0001")), ""
