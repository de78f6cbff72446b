"""Reading an Ofsted Annex A workbook (2020 and January 2024 templates) into minimised rows.

Every cell is checked; nothing is written here. The caller stores the rows only when the
file has no errors (all-or-nothing); warnings are reported but do not block.
"""

from __future__ import annotations

from datetime import date
from typing import IO, Any

from .. import codes
from ..models import EventKind
from ..privacy import birth_month, child_key, hashing_key
from ..xlsx import Workbook, WorkbookError
from .annex_a_spec import CHILD_ID, LIST_9_2024, LISTS, fingerprint, list_number
from .checks import check_plan_overlaps
from .common import Child, FileRefused, Parsed, Progress

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
        for step, (number, sheet) in enumerate(sorted(sheets.items()), start=1):
            _ListReader(parsed, number, sheet, secret).read(workbook)
            if progress:
                progress(5 + step * 7, f"Read list {number} of 11")
    except WorkbookError as error:
        raise FileRefused(str(error)) from error
    check_plan_overlaps(parsed)
    return parsed


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


class _ListReader:
    """Reads one list: maps its headers, then checks and converts each row."""

    def __init__(self, parsed: Parsed, number: int, sheet: str, secret: bytes) -> None:
        self.parsed = parsed
        self.number = number
        self.sheet = sheet
        self.where = f"List {number}"
        self.secret = secret
        self.positions: dict[str, int] = {}
        self.headers: list[str] = []
        self.seen: dict[tuple[Any, ...], int] = {}

    def read(self, workbook: Workbook) -> None:
        header_number, header = _header_row(workbook, self.sheet)
        if not self._map(header):
            return
        rows = 0
        for number, values in workbook.rows(self.sheet):
            if number <= header_number:
                continue
            if self._row(number, values):
                rows += 1
        self.parsed.counts[self.where] = rows

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

    def _cell(self, values: list[Any], key: str) -> Any:
        index = self.positions.get(key)
        if index is None or index >= len(values):
            return None
        return values[index]

    def _column(self, key: str) -> str:
        return self.headers[self.positions[key]] if key in self.positions else key

    def _date(
        self, row: int, values: list[Any], key: str, *, required: bool = False
    ) -> date | None:
        raw = self._cell(values, key)
        value = codes.parse_date(raw)
        if value is None:
            self.parsed.error(
                self.where, row, self._column(key), raw, "This is not a date (use dd/mm/yyyy)."
            )
            return None
        if value == "":
            if required:
                self.parsed.error(self.where, row, self._column(key), "", "This date is required.")
            return None
        assert isinstance(value, date)
        return value

    def _code(self, row: int, values: list[Any], key: str, reader: Any, *, block: bool) -> Any:
        raw = self._cell(values, key)
        value = reader(raw)
        if value is None:
            report = self.parsed.error if block else self.parsed.warn
            report(self.where, row, self._column(key), raw, "This value is not a recognised code.")
            return ""
        return value

    def _row(self, row: int, values: list[Any]) -> bool:
        if not any(value not in (None, "") for value in values):
            return False
        if self.number == 11:
            self._adopter(row, values)
            return True
        raw_id = self._cell(values, "child_id")
        if raw_id in (None, "") or not codes.clean(raw_id):
            self.parsed.error(
                self.where, row, self._column("child_id"), "", "The child's ID is blank."
            )
            return True
        key = child_key(raw_id, key=self.secret)
        self._child(row, values, key)
        event = self._event(row, values, key)
        if event is not None:
            signature = (self.number, *event)
            first = self.seen.get(signature)
            if first is not None:
                self.parsed.error(self.where, row, "", "", f"This row duplicates row {first}.")
            else:
                self.seen[signature] = row
                self.parsed.events.append(event)
        return True

    def _child(self, row: int, values: list[Any], key: str) -> None:
        sex = self._code(row, values, "gender", codes.sex, block=True)
        ethnicity = self._code(row, values, "ethnicity", codes.ethnicity, block=True)
        born = self._date(row, values, "birth")
        disabled = self._code(row, values, "disability", codes.yes_no, block=False)
        team = codes.unlettered(self._cell(values, "team"))[:100]
        child = self.parsed.children.get(key)
        if child is None:
            child = self.parsed.children[key] = Child()
        child.sex = child.sex or sex
        child.ethnicity = child.ethnicity or ethnicity
        child.birth_month = child.birth_month or birth_month(born)
        if child.disabled is None and disabled != "":
            child.disabled = disabled
        child.team = team or child.team

    def _ordered(self, row: int, start: date | None, end: date | None, key: str) -> date | None:
        if start and end and end < start:
            self.parsed.error(
                self.where,
                row,
                self._column(key),
                end.strftime("%d/%m/%Y"),
                "This date is before the start date.",
            )
            return None
        return end

    def _event(self, row: int, values: list[Any], key: str) -> Any:
        n = self.number
        team = codes.unlettered(self._cell(values, "team"))[:100]
        start_key = "date" if n in (1, 3) else "start"
        start = self._date(row, values, start_key, required=n != 9) if n != 9 else None
        end = self._date(row, values, "end") if "end" in self.positions else None
        end = self._ordered(row, start, end, "end")
        as_at = self.parsed.as_at
        if start and as_at and start > as_at:
            self.parsed.warn(
                self.where,
                row,
                self._column(start_key),
                start.strftime("%d/%m/%Y"),
                "This date is after the as-at date.",
            )
        code = detail = ""
        count: Any = None
        flag: Any = None
        event_on = None
        if n in (1, 3):
            code = self._code(row, values, "source", codes.source, block=True)
        if n == 3:
            flag = self._code(row, values, "nfa", codes.yes_no, block=True)
            count = self._code(row, values, "count", codes.whole_number, block=True)
        elif n == 4:
            flag = self._code(row, values, "seen", codes.yes_no, block=False)
        elif n == 5:
            unnecessary = self._code(row, values, "unnecessary", codes.yes_no, block=True)
            code = {True: "Y", False: "N"}.get(unnecessary, "")
            event_on = self._ordered(row, start, self._date(row, values, "icpc"), "icpc")
            flag = self._code(row, values, "plan", codes.yes_no, block=True)
        elif n == 6:
            code = self._code(row, values, "need", codes.need, block=False)
            detail = self._code(row, values, "reason", codes.closure_reason, block=False)
        elif n == 7:
            code = self._code(row, values, "initial", codes.category, block=True)
            detail = self._code(row, values, "latest", codes.category, block=True)
            count = self._code(row, values, "previous", codes.whole_number, block=True)
        elif n == 8:
            code = self._code(row, values, "legal", codes.legal_status, block=False)
            detail = self._code(row, values, "placement", codes.placement_type, block=False)
            count = self._code(row, values, "placements", codes.whole_number, block=True)
        elif n == 9:
            detail = codes.prefixed_code(self._cell(values, "activity"), r"([FPG]\d)\b") or ""
            suitable = codes.unlettered(self._cell(values, "suitable")).lower()
            flag = {"suitable": True, "unsuitable": False}.get(suitable)
        return (
            _KINDS[n],
            key,
            start,
            end,
            event_on,
            code,
            detail,
            count if isinstance(count, int) else None,
            flag if isinstance(flag, bool) else None,
            "",
            team,
        )

    def _adopter(self, row: int, values: list[Any]) -> None:
        """Adopters are adults: checked, counted, never stored."""
        if not codes.clean(self._cell(values, "adopter_id")):
            self.parsed.error(
                self.where,
                row,
                self._column("adopter_id"),
                "",
                "The adopter's identifier is blank.",
            )
        if "enquiry" in self.positions:
            self._date(row, values, "enquiry")
