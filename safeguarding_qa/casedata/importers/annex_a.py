"""Reading an Ofsted Annex A workbook (2020 and January 2024 templates) into minimised rows.

Every cell is checked; nothing is written here. The caller stores the rows only when the
file has no errors (all-or-nothing); warnings are reported but do not block.

The checks work on columns, not rows: a large county's workbook has over a million
cells, and most columns hold a few hundred distinct values (codes, dates). Each distinct
value is read once (``_Columns.code`` / ``date``); the comparisons between columns (dates
in order, after the as-at date), duplicate rows and the children's characteristics are
Polars expressions. Problems are collected with their row and their place in the row's
checks, then reported in row order, so the report reads as if each row had been checked
in turn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from operator import itemgetter
from typing import IO, TYPE_CHECKING, Any

from .. import codes
from ..models import EventKind
from ..privacy import child_keys, hashing_key
from ..xlsx import Workbook, WorkbookError
from .annex_a_spec import CHILD_ID, LIST_9_2024, LISTS, fingerprint, list_number
from .checks import check_plan_overlaps
from .common import EVENT_COLUMNS, FileRefused, Parsed, Progress

if TYPE_CHECKING:
    import polars as pl

_KINDS = {
    1: EventKind.CONTACT,
    2: EventKind.EARLY_HELP,
    3: EventKind.REFERRAL,
    4: EventKind.ASSESSMENT,
    5: EventKind.ENQUIRY,
    6: EventKind.CIN_EPISODE,
    7: EventKind.PROTECTION_PLAN,
    8: EventKind.CARE_PERIOD,
    9: EventKind.CARE_LEAVER,
    10: EventKind.ADOPTION,
}
# Rows are checked in chunks so that the raw cells of a very large list (3 million
# contacts) are never all held as Python objects at once.
_CHUNK_ROWS = 200_000
_EPOCH = date(1970, 1, 1)
NOT_A_DATE = "This is not a date (use dd/mm/yyyy)."
NOT_A_CODE = "This value is not a recognised code."

# The place of each check in a row, so problems are reported in the order a row-by-row
# reading would find them: the child's ID, the child's characteristics, the event's dates,
# its codes (in the list's column order), and last whether it repeats an earlier row.
(
    ID,
    SEX,
    ETHNICITY,
    BIRTH,
    DISABILITY,
    START,
    END,
    END_ORDER,
    AFTER_AS_AT,
    SOURCE,
    FIRST_CODE,
    SECOND_CODE,
    THIRD_CODE,
    FOURTH_CODE,
) = range(14)
DUPLICATE = 99

# (row, check, blocking, column, value, problem)
Finding = tuple[int, int, bool, str, Any, str]


def read_annex_a(file: IO[bytes] | str, *, as_at: date, progress: Progress | None = None) -> Parsed:
    """Read all eleven lists; file-level problems stop before any row is read."""
    parsed = Parsed(as_at=as_at)
    try:
        workbook = Workbook(file)
        sheets = _identify(workbook)
        missing = [n for n in LISTS if n not in sheets]
        for number in missing:
            parsed.error(
                "Workbook", None, "", "", f"List {number} ({LISTS[number][0]}) is missing."
            )
        if missing:
            return parsed
        secret = hashing_key()
        keys: dict[object, str] = {}
        tables: list[pl.DataFrame] = []
        for step, (number, sheet) in enumerate(sorted(sheets.items()), start=1):
            table = _ListReader(parsed, number, sheet, secret, keys).read(workbook)
            if table is not None:
                tables.append(table)
            if progress:
                progress(5 + step * 7, f"Read list {number} of 11")
    except WorkbookError as error:
        raise FileRefused(str(error)) from error
    _finish(parsed, tables)
    check_plan_overlaps(parsed)
    return parsed


def _finish(parsed: Parsed, tables: list[pl.DataFrame]) -> None:
    """Events without duplicates; one row per child, the lists read in order: the first
    sex, ethnicity, birth month and disability recorded, and the last team."""
    import polars as pl

    from ..frames import EVENT_SCHEMA

    if not tables:
        schema = {**EVENT_SCHEMA, "team": pl.Utf8, "duplicate_of": pl.Int64}
        schema |= {"sex": pl.Utf8, "ethnicity": pl.Utf8, "born": pl.Date, "disabled": pl.Boolean}
        tables = [pl.DataFrame(schema=schema)]
    rows = pl.concat(tables, how="vertical")
    parsed.event_table = rows.filter(pl.col("duplicate_of").is_null()).select(EVENT_COLUMNS)

    def first(name: str) -> pl.Expr:
        return pl.col(name).filter(pl.col(name) != "").first().fill_null("")

    parsed.child_table = rows.group_by("child_key", maintain_order=True).agg(
        first("sex"),
        first("ethnicity"),
        pl.col("born").drop_nulls().first().dt.month_start().alias("birth_month"),
        pl.col("disabled").drop_nulls().first(),
        pl.col("team").filter(pl.col("team") != "").last().fill_null(""),
    )


def _identify(workbook: Workbook) -> dict[int, str]:
    found: dict[int, str] = {}
    for name in workbook.sheets:
        number = list_number(name)
        if number is None:
            headers = _header_row(workbook, name)[1]
            number = fingerprint([codes.header_key(h) for h in headers])
        if number is not None and number not in found:
            found[number] = name
    return found


def _header_row(workbook: Workbook, sheet: str) -> tuple[int, list[Any]]:
    """The first of the first ten rows that names a child or adopter ID column."""
    for number, values in workbook.rows(sheet):
        keys = [codes.header_key(value) for value in values]
        if any(CHILD_ID.pattern.search(k) or "adopter identifier" in k for k in keys):
            return number, values
        if number >= 10:
            break
    return 0, []


def _mapped(raw: Sequence[Any], read: Callable[[Any], Any]) -> tuple[list[Any], dict[Any, Any]]:
    """``read`` applied to each value, called once per distinct value; and the table of
    distinct values read, so callers look for problems among a few hundred entries
    rather than a hundred thousand rows."""
    table = {value: read(value) for value in set(raw)}
    try:
        return list(map(table.__getitem__, raw)), table
    except KeyError:  # a value unequal to itself (NaN): read it directly
        return [table[value] if value in table else read(value) for value in raw], table


def _blank_row(values: list[Any]) -> bool:
    return values.count(None) + values.count("") == len(values)


def _blank_id(raw: Any) -> bool:
    # Most IDs are text with something in it; only the rest need the full clean-up.
    return not (raw.__class__ is str and raw.strip()) and not codes.clean(raw)


def _days(value: Any) -> int | None:
    return (value - _EPOCH).days if isinstance(value, date) else None


class _Columns:
    """One chunk of a list's rows as columns of raw values, with the problems found."""

    def __init__(self, reader: _ListReader, numbers: list[int], raw: dict[str, Sequence[Any]]):
        self.reader = reader
        self.numbers = numbers
        self.raw = raw
        self.findings: list[Finding] = reader.findings

    def values(self, key: str) -> Sequence[Any]:
        return self.raw.get(key) or [None] * len(self.numbers)

    def report(
        self, index: int, check: int, blocking: bool, key: str, value: Any, problem: str
    ) -> None:
        self.findings.append(
            (self.numbers[index], check, blocking, self.reader.column(key), value, problem)
        )

    def code(self, key: str, read: Callable[[Any], Any], check: int, *, block: bool) -> list[Any]:
        """Codes, ``""`` for blanks and for unreadable values (which are reported)."""
        raw = self.values(key)
        values, table = _mapped(raw, read)
        if any(value is None for value in table.values()):
            for index, value in enumerate(values):
                if value is None:
                    self.report(index, check, block, key, raw[index], NOT_A_CODE)
            values = ["" if value is None else value for value in values]
        return values

    def date(self, key: str, check: int, *, required: bool = False) -> list[int | None]:
        """Dates as days since 1970 (None when blank or unreadable, which is reported)."""
        raw = self.values(key)
        table = {value: codes.parse_date(value) for value in set(raw)}
        days = _mapped(raw, lambda value: _days(table[value]))[0]
        wrong = {
            value for value, read in table.items() if read is None or (required and read == "")
        }
        if wrong:
            for index, value in enumerate(raw):
                if value in wrong:
                    if table[value] is None:
                        self.report(index, check, True, key, value, NOT_A_DATE)
                    else:
                        self.report(index, check, True, key, "", "This date is required.")
        return days


class _ListReader:
    """Reads one list: maps its headers, then checks and converts its rows, a chunk of
    columns at a time."""

    def __init__(
        self, parsed: Parsed, number: int, sheet: str, secret: bytes, keys: dict[object, str]
    ) -> None:
        self.parsed = parsed
        self.number = number
        self.sheet = sheet
        self.where = f"List {number}"
        self.secret = secret
        self.keys = keys
        self.positions: dict[str, int] = {}
        self.headers: list[str] = []
        self.findings: list[Finding] = []

    def read(self, workbook: Workbook) -> pl.DataFrame | None:
        """The list's rows as a frame (None for adopters, or when the headers fail)."""
        import polars as pl

        header_number, header = _header_row(workbook, self.sheet)
        if not self._map(header):
            return None
        rows = 0
        frames = []
        for numbers, raw in self._chunks(workbook, header_number):
            rows += len(numbers)
            frame = self._chunk(_Columns(self, numbers, raw))
            if frame is not None:
                frames.append(frame)
        table = pl.concat(frames, how="vertical") if frames else None
        if table is not None:
            table = self._duplicates(table)
        self._report_findings()
        self.parsed.counts[self.where] = rows
        return table

    def _chunks(
        self, workbook: Workbook, header_number: int
    ) -> Iterator[tuple[list[int], dict[str, Sequence[Any]]]]:
        """Row numbers and the mapped columns' raw values of the non-blank rows."""
        keys = list(self.positions)
        width = max(self.positions.values()) + 1
        pick = itemgetter(*self.positions.values())
        padding = [None] * width
        numbers: list[int] = []
        picked: list[Any] = []
        for number, values in workbook.rows(self.sheet):
            if number <= header_number or (not any(values) and _blank_row(values)):
                continue
            if len(values) < width:
                values = values + padding[len(values) :]
            numbers.append(number)
            picked.append(pick(values))
            if len(numbers) == _CHUNK_ROWS:
                yield numbers, self._transpose(keys, picked)
                numbers, picked = [], []
        if numbers:
            yield numbers, self._transpose(keys, picked)

    @staticmethod
    def _transpose(keys: list[str], picked: list[Any]) -> dict[str, Sequence[Any]]:
        if len(keys) == 1:
            return {keys[0]: picked}
        return dict(zip(keys, zip(*picked, strict=True), strict=True))

    def _map(self, header: list[Any]) -> bool:  # noqa: C901  (header rules read in one place)
        columns = LISTS[self.number][1]
        self.headers = [codes.clean(h) for h in header]
        for index, raw in enumerate(header):
            key = codes.header_key(raw)
            if not key:
                continue
            for column in columns:
                if column.pattern.search(key):
                    if column.key in self.positions:
                        self.parsed.warn(
                            self.where,
                            1,
                            codes.clean(raw),
                            "",
                            "This column appears twice; the first one is used.",
                        )
                    else:
                        self.positions[column.key] = index
                    break
        ok = True
        for column in columns:
            if column.required and column.key not in self.positions:
                self.parsed.error(
                    self.where,
                    None,
                    column.key.replace("_", " "),
                    "",
                    "A required column is missing or its heading is not recognised.",
                )
                ok = False
        if self.number == 9 and ok:
            keys = [codes.header_key(h) for h in header]
            present = [p.pattern for p in LIST_9_2024 if any(p.search(k) for k in keys)]
            if len(present) == len(LIST_9_2024):
                self.parsed.version = "Annex A January 2024 template"
            elif not present:
                self.parsed.version = "Annex A 2020 template"
            else:
                self.parsed.error(
                    self.where,
                    None,
                    "",
                    ", ".join(present),
                    "Unknown template version: List 9 has some but not all of "
                    "the January 2024 columns.",
                )
                ok = False
        return ok

    def column(self, key: str) -> str:
        return self.headers[self.positions[key]] if key in self.positions else key

    def _report_findings(self) -> None:
        self.findings.sort(key=itemgetter(0, 1))
        for row, _, blocking, column, value, problem in self.findings:
            report = self.parsed.error if blocking else self.parsed.warn
            report(self.where, row, column, value, problem)
        self.findings = []

    def _chunk(self, columns: _Columns) -> pl.DataFrame | None:
        if self.number == 11:
            self._adopters(columns)
            return None
        columns = self._with_child_ids(columns)
        if not columns.numbers:
            return None
        return self._events(columns)

    def _with_child_ids(self, columns: _Columns) -> _Columns:
        """Rows with a blank child ID are reported and take no further part."""
        ids = columns.values("child_id")
        is_blank = _mapped(ids, _blank_id)[0]
        blank = [index for index, flag in enumerate(is_blank) if flag]
        if not blank:
            return columns
        for index in blank:
            columns.report(index, ID, True, "child_id", "", "The child's ID is blank.")
        skipped = set(blank)
        kept = [index for index in range(len(ids)) if index not in skipped]
        raw: dict[str, Sequence[Any]] = {
            key: [values[i] for i in kept] for key, values in columns.raw.items()
        }
        return _Columns(self, [columns.numbers[i] for i in kept], raw)

    def _events(self, columns: _Columns) -> pl.DataFrame:
        import polars as pl

        n = self.number
        ids = columns.values("child_id")
        child_keys(set(ids), key=self.secret, known=self.keys)
        start_key = "date" if n in (1, 3) else "start"
        size = len(columns.numbers)
        nothing: list[Any] = [None] * size
        data: dict[str, Any] = {
            "row": pl.Series(columns.numbers, dtype=pl.Int64),
            "child_key": pl.Series(list(map(self.keys.__getitem__, ids)), dtype=pl.Utf8),
            "sex": columns.code("gender", codes.sex, SEX, block=True),
            "ethnicity": columns.code("ethnicity", codes.ethnicity, ETHNICITY, block=True),
            "born": _dates(columns.date("birth", BIRTH)),
            "disabled": _flags(columns.code("disability", codes.yes_no, DISABILITY, block=False)),
            "started_on": _dates(
                columns.date(start_key, START, required=True) if n != 9 else nothing
            ),
            "ended_on": _dates(columns.date("end", END) if "end" in self.positions else nothing),
            "team": _mapped(columns.values("team"), _team)[0],
        }
        data.update(self._codes(columns))
        frame = pl.DataFrame(data).with_columns(kind=pl.lit(_KINDS[n].value), factors=pl.lit(""))
        frame = self._in_order(frame, "ended_on", "end")
        if n == 5:
            frame = self._in_order(frame, "event_on", "icpc")
        self._after_as_at(frame, start_key)
        for name, dtype in (("event_on", pl.Date), ("count", pl.Int64), ("flag", pl.Boolean)):
            if name not in frame.columns:
                frame = frame.with_columns(pl.lit(None, dtype=dtype).alias(name))
        for name in ("code", "detail_code"):
            if name not in frame.columns:
                frame = frame.with_columns(pl.lit("").alias(name))
        return frame.select("row", *EVENT_COLUMNS, "sex", "ethnicity", "born", "disabled")

    def _codes(self, columns: _Columns) -> dict[str, Any]:  # noqa: C901  (one branch per list)
        n = self.number
        found: dict[str, Any] = {}
        if n in (1, 3):
            found["code"] = columns.code("source", codes.source, SOURCE, block=True)
        if n == 3:
            found["flag"] = _flags(columns.code("nfa", codes.yes_no, FIRST_CODE, block=True))
            found["count"] = _counts(
                columns.code("count", codes.whole_number, SECOND_CODE, block=True)
            )
        elif n == 4:
            found["flag"] = _flags(columns.code("seen", codes.yes_no, FIRST_CODE, block=False))
        elif n == 5:
            unnecessary = columns.code("unnecessary", codes.yes_no, FIRST_CODE, block=True)
            found["code"] = [{True: "Y", False: "N"}.get(value, "") for value in unnecessary]
            found["event_on"] = _dates(columns.date("icpc", SECOND_CODE))
            found["flag"] = _flags(columns.code("plan", codes.yes_no, FOURTH_CODE, block=True))
        elif n == 6:
            found["code"] = columns.code("need", codes.need, FIRST_CODE, block=False)
            found["detail_code"] = columns.code(
                "reason", codes.closure_reason, SECOND_CODE, block=False
            )
        elif n == 7:
            found["code"] = columns.code("initial", codes.category, FIRST_CODE, block=True)
            found["detail_code"] = columns.code("latest", codes.category, SECOND_CODE, block=True)
            found["count"] = _counts(
                columns.code("previous", codes.whole_number, THIRD_CODE, block=True)
            )
        elif n == 8:
            found["code"] = columns.code("legal", codes.legal_status, FIRST_CODE, block=False)
            found["detail_code"] = columns.code(
                "placement", codes.placement_type, SECOND_CODE, block=False
            )
            found["count"] = _counts(
                columns.code("placements", codes.whole_number, THIRD_CODE, block=True)
            )
        elif n == 9:
            found["detail_code"] = _mapped(columns.values("activity"), _activity)[0]
            found["flag"] = _flags(_mapped(columns.values("suitable"), _suitable)[0])
        return found

    def _in_order(self, frame: pl.DataFrame, name: str, key: str) -> pl.DataFrame:
        """A date before the row's start date is an error and is not kept."""
        import polars as pl

        early = pl.col(name) < pl.col("started_on")
        check = END_ORDER if key == "end" else THIRD_CODE
        bad = frame.filter(early)
        if bad.is_empty():
            return frame
        column = self.column(key)
        for row, when in bad.select("row", name).iter_rows():
            self.findings.append(
                (
                    row,
                    check,
                    True,
                    column,
                    when.strftime("%d/%m/%Y"),
                    "This date is before the start date.",
                )
            )
        return frame.with_columns(pl.when(early).then(None).otherwise(pl.col(name)).alias(name))

    def _after_as_at(self, frame: pl.DataFrame, start_key: str) -> None:
        import polars as pl

        as_at = self.parsed.as_at
        if as_at is None:
            return
        column = self.column(start_key)
        late = frame.filter(pl.col("started_on") > as_at).select("row", "started_on")
        for row, start in late.iter_rows():
            self.findings.append(
                (
                    row,
                    AFTER_AS_AT,
                    False,
                    column,
                    start.strftime("%d/%m/%Y"),
                    "This date is after the as-at date.",
                )
            )

    def _duplicates(self, table: pl.DataFrame) -> pl.DataFrame:
        """A row equal to an earlier one (after reading) is an error and is not kept."""
        import polars as pl

        first = pl.col("row").first().over(EVENT_COLUMNS)
        table = table.with_columns(
            duplicate_of=pl.when(first != pl.col("row")).then(first).otherwise(None)
        )
        repeated = table.filter(pl.col("duplicate_of").is_not_null())
        for row, earlier in repeated.select("row", "duplicate_of").iter_rows():
            self.findings.append(
                (row, DUPLICATE, True, "", "", f"This row duplicates row {earlier}.")
            )
        return table

    def _adopters(self, columns: _Columns) -> None:
        """Adopters are adults: checked, counted, never stored."""
        for index, raw in enumerate(columns.values("adopter_id")):
            if not codes.clean(raw):
                columns.report(
                    index, ID, True, "adopter_id", "", "The adopter's identifier is blank."
                )
        if "enquiry" in self.positions:
            columns.date("enquiry", SEX)


def _dates(days: list[int | None]) -> pl.Series:
    import polars as pl

    return pl.Series(days, dtype=pl.Int32).cast(pl.Date)


def _flags(values: list[Any]) -> pl.Series:
    import polars as pl

    return pl.Series(
        [value if value.__class__ is bool else None for value in values], dtype=pl.Boolean
    )


def _counts(values: list[Any]) -> pl.Series:
    import polars as pl

    return pl.Series(
        [value if value.__class__ is int else None for value in values], dtype=pl.Int64
    )


def _team(value: Any) -> str:
    return codes.unlettered(value)[:100]


def _activity(value: Any) -> str:
    return codes.prefixed_code(value, r"([FPG]\d)\b") or ""


def _suitable(value: Any) -> bool | None:
    return {"suitable": True, "unsuitable": False}.get(codes.unlettered(value).lower())
