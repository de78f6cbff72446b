"""Reading a tracker spreadsheet (the XLSX template this app provides) into checked rows.

Everything is validated before anything is written: the result is either a list of rows
ready for ``services.importing.register_import`` or a list of problems, each naming the
row, the column, the value, what is wrong and how to fix it. Files are read with openpyxl
in read-only mode (defusedxml is installed, so XML attacks are refused) within size,
row and compression limits.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import IO, Any

from django.contrib.auth import get_user_model
from openpyxl import Workbook, load_workbook

from safeguarding_qa.partnership.models import Organisation

from .choices import ActionStatus, Priority, RecommendationKind, SourceKind
from .models import Recommendation

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
MAX_UNZIPPED = 50 * 1024 * 1024
SHEET = "Register"

COLUMNS = [
    ("Reference", "Optional. Rows with the same reference are one recommendation."),
    ("Recommendation title", "Required. A short title."),
    ("Recommendation", "Required. The text of the recommendation."),
    ("Kind", "Required. " + " or ".join(label for _, label in RecommendationKind.choices)),
    ("Source kind", "Required. One of: " + ", ".join(label for _, label in SourceKind.choices)),
    ("Source", "Optional. For example: Child C (LCSPR)."),
    ("Themes", "Optional. Separate themes with semicolons."),
    ("Lead organisations", "Optional. Names or short names, separated by semicolons."),
    ("Agreed on", "Required. A date, for example 27/03/2025."),
    ("Action", "Optional. Leave empty for a recommendation without actions yet."),
    ("Organisation", "Required with an action. The organisation's name or short name."),
    ("Owner e-mail", "Optional. An active person in that organisation."),
    ("Due on", "Required with an action. A date."),
    ("Priority", "Optional. High, Medium or Low (Medium if empty)."),
    ("Action status", "Optional. One of: " + ", ".join(label for _, label in ActionStatus.choices)),
]
HEADER = [name for name, _ in COLUMNS]


@dataclass
class Problem:
    row: int
    column: str
    value: str
    problem: str
    fix: str


@dataclass
class ImportRow:
    row: int
    reference: str
    title: str
    text: str
    kind: str
    source_kind: str
    source_label: str
    themes: list[str]
    leads: list[Organisation]
    agreed_on: date
    action: dict[str, Any] | None = None


@dataclass
class ImportResult:
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def template_bytes() -> bytes:
    """The XLSX template: the register sheet with its header and an example, and a sheet
    explaining each column."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(HEADER)
    sheet.append(
        [
            "",
            "Hear the child in strategy discussions",
            "Record the child's views.",
            "Multi-agency strategic",
            "Practice review",
            "Child C (LCSPR)",
            "Voice of the child",
            "Fellshire Constabulary",
            date(2025, 6, 1),
            "Brief detective sergeants",
            "Fellshire Constabulary",
            "",
            date(2025, 12, 1),
            "High",
            "In progress",
        ]
    )
    guide = workbook.create_sheet("How to fill it in")
    guide.append(["Column", "What to enter"])
    for name, help_text in COLUMNS:
        guide.append([name, help_text])
    guide.append(
        [
            "",
            "Delete the example row before importing. Nothing is imported unless "
            "every row is right.",
        ]
    )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _lookup(choices: Any, value: str) -> str | None:
    wanted = value.strip().lower()
    for key, label in choices:
        if wanted in (str(key).lower(), str(label).lower()):
            return str(key)
    return None


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007  (a calendar date)
        except ValueError:
            continue
    return None


class _Reader:
    """Checks one row at a time, collecting problems."""

    def __init__(self) -> None:
        self.result = ImportResult()
        organisations = list(Organisation.objects.filter(is_active=True))
        self.organisations = {o.name.lower(): o for o in organisations}
        self.organisations.update({o.short_name.lower(): o for o in organisations if o.short_name})
        people = get_user_model().objects.filter(is_active=True)
        self.people = {p.email.lower(): p for p in people}
        self.taken = set(Recommendation.objects.values_list("reference", flat=True))

    def problem(self, row: int, column: str, value: Any, problem: str, fix: str) -> None:
        text = "" if value is None else str(value)
        self.result.problems.append(Problem(row, column, text[:200], problem, fix))

    def organisation(self, row: int, column: str, value: str) -> Organisation | None:
        found = self.organisations.get(value.strip().lower())
        if found is None:
            self.problem(
                row,
                column,
                value,
                "There is no active organisation with this name.",
                "Use the name or short name shown on the Organisations page.",
            )
        return found

    def read(self, number: int, cells: dict[str, Any]) -> None:
        def text(name: str) -> str:
            value = cells.get(name)
            return "" if value is None else str(value).strip()

        problems_before = len(self.result.problems)
        if text("Reference") in self.taken:
            self.problem(
                number,
                "Reference",
                text("Reference"),
                "A recommendation with this reference is already in the register.",
                "Use a new reference, or leave it empty to have one given.",
            )
        for name in ("Recommendation title", "Recommendation"):
            if not text(name):
                self.problem(number, name, "", "This is empty.", f"Enter the {name.lower()}.")
        kind = _lookup(RecommendationKind.choices, text("Kind"))
        if kind is None:
            self.problem(
                number,
                "Kind",
                text("Kind"),
                "This is not a kind of recommendation.",
                "Enter Single-agency practice or Multi-agency strategic.",
            )
        source_kind = _lookup(SourceKind.choices, text("Source kind"))
        if source_kind is None:
            self.problem(
                number,
                "Source kind",
                text("Source kind"),
                "This is not a source kind.",
                "Enter one of: " + ", ".join(str(label) for _, label in SourceKind.choices) + ".",
            )
        agreed_on = _date(cells.get("Agreed on"))
        if agreed_on is None:
            self.problem(
                number,
                "Agreed on",
                cells.get("Agreed on"),
                "This is not a date.",
                "Enter a date such as 27/03/2025.",
            )
        leads = [
            self.organisation(number, "Lead organisations", name)
            for name in text("Lead organisations").split(";")
            if name.strip()
        ]
        action = self.action(number, cells, text) if text("Action") else None
        if len(self.result.problems) > problems_before:
            return
        self.result.rows.append(
            ImportRow(
                row=number,
                reference=text("Reference")[:30],
                title=text("Recommendation title")[:200],
                text=text("Recommendation"),
                kind=str(kind),
                source_kind=str(source_kind),
                source_label=text("Source")[:200],
                themes=[t.strip() for t in text("Themes").split(";") if t.strip()],
                leads=[lead for lead in leads if lead is not None],
                agreed_on=agreed_on or date.min,
                action=action,
            )
        )

    def action(self, number: int, cells: dict[str, Any], text: Any) -> dict[str, Any] | None:
        organisation = self.organisation(number, "Organisation", text("Organisation"))
        owner = None
        if text("Owner e-mail"):
            owner = self.people.get(text("Owner e-mail").lower())
            if owner is None or (organisation and owner.organisation_id != organisation.pk):
                self.problem(
                    number,
                    "Owner e-mail",
                    text("Owner e-mail"),
                    "No active person with this e-mail works in the organisation.",
                    "Enter the e-mail of an active person in that organisation, or leave it empty.",
                )
        due_on = _date(cells.get("Due on"))
        if due_on is None:
            self.problem(
                number,
                "Due on",
                cells.get("Due on"),
                "This is not a date.",
                "Enter the date the action is due, such as 30/09/2026.",
            )
        priority = _lookup(Priority.choices, text("Priority") or "medium")
        if priority is None:
            self.problem(
                number,
                "Priority",
                text("Priority"),
                "This is not a priority.",
                "Enter High, Medium or Low.",
            )
        status = _lookup(ActionStatus.choices, text("Action status") or "not_started")
        if status is None:
            self.problem(
                number,
                "Action status",
                text("Action status"),
                "This is not a status.",
                "Enter one of: " + ", ".join(str(label) for _, label in ActionStatus.choices) + ".",
            )
        return {
            "description": text("Action"),
            "organisation": organisation,
            "owner": owner,
            "due_on": due_on,
            "priority": priority,
            "status": status,
        }


def read_tracker(upload: IO[bytes], size: int) -> ImportResult:
    """Every row of the uploaded tracker, checked; problems instead when anything is wrong."""
    reader = _Reader()
    if size > MAX_BYTES:
        reader.problem(0, "File", "", "The file is larger than 5 MB.", "Split the tracker.")
        return reader.result
    data = upload.read()
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            if sum(item.file_size for item in archive.infolist()) > MAX_UNZIPPED:
                raise ValueError
        workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001  (any unreadable file gets the same clear answer)
        reader.problem(
            0,
            "File",
            "",
            "The file is not an Excel workbook that can be read.",
            "Save the tracker as .xlsx from the template and upload it again.",
        )
        return reader.result
    sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell or "").strip() for cell in next(rows, ())]
    missing = [name for name in HEADER if name not in header]
    if missing:
        reader.problem(
            1,
            ", ".join(missing),
            "",
            "These columns are missing.",
            "Use the template's header row, unchanged.",
        )
        return reader.result
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            reader.problem(
                number,
                "",
                "",
                f"The tracker has more than {MAX_ROWS} rows.",
                "Split the tracker into smaller files.",
            )
            break
        if not any(value not in (None, "") for value in values):
            continue
        reader.read(number, dict(zip(header, values, strict=False)))
    if not reader.result.rows and not reader.result.problems:
        reader.problem(2, "", "", "The tracker has no rows.", "Add a row for each action.")
    workbook.close()
    return reader.result
