"""Reading a DfE CIN census XML file, streamed child by child with ``lxml.iterparse``.

Both schema generations are read: ``Sex`` (M/F/U, from 2024-25) and the older
``GenderCurrent`` (1/2/0/9). The parser never resolves entities or loads a DTD, and a file
that declares one is refused outright (entity-expansion attacks).
"""

from __future__ import annotations

from datetime import date
from typing import IO, Any

from lxml import etree

from .. import codes
from ..models import EventKind
from ..privacy import birth_month, child_key, hashing_key
from .checks import check_plan_overlaps
from .common import Child, FileRefused, Parsed, Progress

_HOSTILE = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype")


def _open(file: IO[bytes] | str) -> IO[bytes]:
    stream: IO[bytes] = open(file, "rb") if isinstance(file, str) else file  # noqa: SIM115
    head = stream.read(8192)
    stream.seek(0)
    if any(marker in head for marker in _HOSTILE):
        raise FileRefused(
            "The file declares a DTD or entities, which a CIN census file never "
            "does; it has been refused."
        )
    if not head.lstrip().startswith(b"<"):
        raise FileRefused("This file is not XML. Upload the CIN census XML file.")
    return stream


def read_cin_census(file: IO[bytes] | str, *, progress: Progress | None = None) -> Parsed:
    """Read every child; file-level problems raise ``FileRefused``."""
    parsed = Parsed()
    stream = _open(file)
    reader = _ChildReader(parsed, hashing_key())
    context = etree.iterparse(
        stream,
        events=("end",),
        tag=("{*}Header", "{*}Child"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for _, element in context:
            if reader.count == 0 and _local(element.getroottree().getroot().tag) != "Message":
                raise FileRefused("This XML file is not a CIN census (no <Message>).")
            if _local(element.tag) == "Header":
                reader.header(element)
            else:
                reader.child(element)
                if progress and reader.count % 5000 == 0:
                    progress(min(80, 5 + reader.count // 500), f"Read {reader.count} children")
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
        root = context.root
    except etree.XMLSyntaxError as error:
        raise FileRefused(
            f"The XML is damaged or truncated ({error.msg}, line {error.lineno})."
        ) from error
    finally:
        if isinstance(file, str):
            stream.close()
    if not reader.collection_seen:
        if root is None or _local(root.tag) != "Message":
            raise FileRefused("This XML file is not a CIN census (no <Message>).")
        raise FileRefused("The file has no CIN census header (<Collection>CIN</Collection>).")
    parsed.version = " and ".join(sorted(reader.generations)) or "CIN census"
    parsed.counts = {"Children": reader.count, "CIN episodes": reader.episodes}
    check_plan_overlaps(parsed)
    return parsed


def _local(tag: Any) -> str:
    text = str(tag)
    return text if text[:1] != "{" else text[text.index("}") + 1 :]


Groups = dict[str, list[Any]]


def _read(element: Any) -> tuple[dict[str, str], Groups]:
    """One pass over the direct children: leaf texts by local name, and the containers
    (elements with children of their own) grouped by local name."""
    fields: dict[str, str] = {}
    groups: Groups = {}
    if element is None:
        return fields, groups
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue  # comments and processing instructions
        name = tag if tag[0] != "{" else tag[tag.index("}") + 1 :]
        if len(child):
            groups.setdefault(name, []).append(child)
        else:
            fields[name] = (child.text or "").strip()
    return fields, groups


def _fields(element: Any) -> dict[str, str]:
    return _read(element)[0]


def _first(groups: Groups, name: str) -> Any:
    found = groups.get(name)
    return found[0] if found else None


def _text(element: Any, path: str) -> str:
    return (element.findtext(path) or "").strip()


class _ChildReader:
    def __init__(self, parsed: Parsed, secret: bytes) -> None:
        self.parsed = parsed
        self.secret = secret
        self.count = 0
        self.episodes = 0
        self.seen_ids: dict[str, int] = {}
        self.generations: set[str] = set()
        self.collection_seen = False

    def header(self, header: Any) -> None:
        collection = _text(header, ".//{*}Collection") or _text(header, ".//Collection")
        if collection.upper() != "CIN":
            raise FileRefused(
                f"The header says this is a {collection or 'blank'} collection, not a CIN census."
            )
        self.collection_seen = True
        reference = codes.parse_date(_text(header, ".//{*}ReferenceDate"))
        year = _text(header, ".//{*}Year")
        if isinstance(reference, date):
            self.parsed.as_at = reference
        elif year.isdigit():
            self.parsed.as_at = date(int(year), 3, 31)
        else:
            raise FileRefused("The header has neither a reference date nor a collection year.")

    def _date(
        self, fields: dict[str, str], name: str, line: int, *, required: bool = False
    ) -> date | None:
        raw = fields.get(name, "")
        if not raw:
            if required:
                self.parsed.error("Child", line, name, "", "This date is required.")
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            value = codes.parse_date(raw)
            if isinstance(value, date):
                return value
            self.parsed.error("Child", line, name, raw, "This is not a date (use yyyy-mm-dd).")
            return None

    def _code(self, raw: str, reader: Any, line: int, name: str, *, block: bool = True) -> Any:
        value = reader(raw)
        if value is None:
            report = self.parsed.error if block else self.parsed.warn
            report("Child", line, name, raw, "This value is not a recognised code.")
            return ""
        return value

    def child(self, element: Any) -> None:  # noqa: C901  (one child, checked in order)
        self.count += 1
        line = element.sourceline or 0
        _, top = _read(element)
        identifiers = _first(top, "ChildIdentifiers")
        if identifiers is None:
            self.parsed.error(
                "Child", line, "ChildIdentifiers", "", "The child has no identifiers."
            )
            return
        ids = _fields(identifiers)
        raw_id = ids.get("LAchildID", "")
        if not raw_id:
            self.parsed.error("Child", line, "LAchildID", "", "The child's LA ID is blank.")
            return
        key = child_key(raw_id, key=self.secret)
        if key in self.seen_ids:
            self.parsed.error(
                "Child",
                line,
                "LAchildID",
                "",
                f"This LA child ID is also used by the child at line {self.seen_ids[key]}.",
            )
            return
        self.seen_ids[key] = line
        sex_raw = ids.get("Sex", "")
        if sex_raw:
            self.generations.add("CIN census (Sex)")
        else:
            sex_raw = ids.get("GenderCurrent", "")
            if sex_raw:
                self.generations.add("CIN census (GenderCurrent)")
        born = self._date(ids, "PersonBirthDate", line)
        characteristics = _first(top, "ChildCharacteristics")
        ethnicity_raw = _fields(characteristics).get("Ethnicity", "")
        disabilities = (
            [d.text.strip() for d in characteristics.iterfind(".//{*}Disability") if d.text]
            if characteristics is not None
            else []
        )
        if "NONE" in disabilities and len(disabilities) > 1:
            self.parsed.warn(
                "Child",
                line,
                "Disability",
                ",".join(disabilities),
                "NONE cannot be combined with other disabilities.",
            )
        self.parsed.children[key] = Child(
            sex=self._code(sex_raw, codes.sex, line, "Sex"),
            ethnicity=self._code(ethnicity_raw, codes.ethnicity, line, "Ethnicity"),
            birth_month=birth_month(born),
            disabled=(any(d != "NONE" for d in disabilities) if disabilities else None),
        )
        episodes: list[tuple[date, date | None]] = []
        for details in top.get("CINdetails", []):
            self.episodes += 1
            span = self._details(details, key)
            if span:
                episodes.append(span)
        episodes.sort(key=lambda span: span[0])
        for (_start, end), (next_start, _) in zip(episodes, episodes[1:], strict=False):
            if end is None or next_start < end:
                self.parsed.warn(
                    "Child",
                    line,
                    "CINreferralDate",
                    next_start.isoformat(),
                    "This CIN episode overlaps an earlier one (DfE rule 8820).",
                )

    def _details(self, details: Any, key: str) -> tuple[date, date | None] | None:
        line = details.sourceline or 0
        events = self.parsed.events
        fields, groups = _read(details)
        referral = self._date(fields, "CINreferralDate", line, required=True)
        closure = self._date(fields, "CINclosureDate", line)
        if referral and closure and closure < referral:
            self.parsed.error(
                "CINdetails",
                line,
                "CINclosureDate",
                closure.isoformat(),
                "The closure date is before the referral date.",
            )
            closure = None
        source = self._code(fields.get("ReferralSource", ""), codes.source, line, "ReferralSource")
        nfa = codes.yes_no(fields.get("ReferralNFA", ""))
        need = self._code(
            fields.get("PrimaryNeedCode", ""), codes.need, line, "PrimaryNeedCode", block=False
        )
        reason = self._code(
            fields.get("ReasonForClosure", ""),
            codes.closure_reason,
            line,
            "ReasonForClosure",
            block=False,
        )
        flag = nfa if isinstance(nfa, bool) else None
        events.append(
            (EventKind.REFERRAL, key, referral, None, None, source, "", None, flag, "", "")
        )
        events.append(
            (EventKind.CIN_EPISODE, key, referral, closure, None, need, reason, None, None, "", "")
        )
        for assessment in groups.get("Assessments", []):
            self._assessment(assessment, key)
        for enquiry in groups.get("Section47", []):
            found = _fields(enquiry)
            start = self._date(found, "S47ActualStartDate", enquiry.sourceline or 0, required=True)
            icpc = self._date(found, "DateOfInitialCPC", enquiry.sourceline or 0)
            unnecessary = codes.yes_no(found.get("ICPCnotRequired", ""))
            code = (
                {True: "Y", False: "N"}.get(unnecessary, "")
                if isinstance(unnecessary, bool)
                else ""
            )
            if start and icpc and icpc < start:
                self.parsed.error(
                    "Section47",
                    enquiry.sourceline,
                    "DateOfInitialCPC",
                    icpc.isoformat(),
                    "The ICPC is before the S47 start.",
                )
                icpc = None
            events.append((EventKind.ENQUIRY, key, start, None, icpc, code, "", None, None, "", ""))
        for plan in groups.get("ChildProtectionPlans", []):
            self._plan(plan, key)
        return (referral, closure) if referral else None

    def _assessment(self, assessment: Any, key: str) -> None:
        line = assessment.sourceline or 0
        found = _fields(assessment)
        start = self._date(found, "AssessmentActualStartDate", line, required=True)
        end = self._date(found, "AssessmentAuthorisationDate", line)
        if start and end and end < start:
            self.parsed.error(
                "Assessments",
                line,
                "AssessmentAuthorisationDate",
                end.isoformat(),
                "Authorised before it started (DfE rule 8608).",
            )
            end = None
        factors = [f.text.strip() for f in assessment.iterfind(".//{*}AssessmentFactors") if f.text]
        unknown = [f for f in factors if f not in codes.FACTOR_CODES]
        if unknown:
            self.parsed.error(
                "Assessments",
                line,
                "AssessmentFactors",
                ",".join(unknown),
                "Not a recognised assessment factor code.",
            )
        if "21" in factors and len(factors) > 1:
            self.parsed.error(
                "Assessments",
                line,
                "AssessmentFactors",
                ",".join(factors),
                "Factor 21 (no factors) cannot be combined with others (8869).",
            )
        self.parsed.events.append(
            (
                EventKind.ASSESSMENT,
                key,
                start,
                end,
                None,
                "",
                "",
                None,
                None,
                ",".join(factors)[:200],
                "",
            )
        )

    def _plan(self, plan: Any, key: str) -> None:
        line = plan.sourceline or 0
        found = _fields(plan)
        start = self._date(found, "CPPstartDate", line, required=True)
        end = self._date(found, "CPPendDate", line)
        if start and end and end < start:
            self.parsed.error(
                "ChildProtectionPlans",
                line,
                "CPPendDate",
                end.isoformat(),
                "The plan ends before it starts (DfE rule 8925).",
            )
            end = None
        initial = self._code(
            found.get("InitialCategoryOfAbuse", ""), codes.category, line, "InitialCategoryOfAbuse"
        )
        latest = self._code(
            found.get("LatestCategoryOfAbuse", ""), codes.category, line, "LatestCategoryOfAbuse"
        )
        previous = codes.whole_number(found.get("NumberOfPreviousCPP", ""))
        self.parsed.events.append(
            (
                EventKind.PROTECTION_PLAN,
                key,
                start,
                end,
                None,
                initial,
                latest,
                previous if isinstance(previous, int) else None,
                None,
                "",
                "",
            )
        )
