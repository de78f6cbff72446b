"""The Ofsted Annex A lists: how to recognise each sheet and each column.

Headers are matched after ``codes.header_key`` (lower case, letters and digits), by
regular expressions, so renamed headers ("Age" or "Age of Child (Years)", curly or
straight quotes, stray brackets, trailing spaces) still match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    pattern: re.Pattern[str]
    required: bool = False


def _c(key: str, pattern: str, required: bool = False) -> Column:
    return Column(key, re.compile(pattern), required)


CHILD_ID = _c("child_id", r"\bchild\b.*\b(id|identifier)\b|^child unique|^la child id", True)
GENDER = _c("gender", r"^(gender|sex)\b")
ETHNICITY = _c("ethnicity", r"^ethnic")
BIRTH = _c("birth", r"date of birth|^dob\b")
DISABILITY = _c("disability", r"disab")
TEAM = _c("team", r"allocated team|^team\b")
COMMON = (CHILD_ID, GENDER, ETHNICITY, BIRTH)

LISTS: dict[int, tuple[str, tuple[Column, ...]]] = {
    1: (
        "Contacts",
        (
            *COMMON,
            _c("date", r"date of contact|contact date", True),
            _c("source", r"contact source|source of contact"),
        ),
    ),
    2: (
        "Early help",
        (
            *COMMON,
            _c("start", r"^assessment start date", True),
            _c("end", r"assessment completion date"),
        ),
    ),
    3: (
        "Referrals",
        (
            *COMMON,
            _c("date", r"date of referral|referral date", True),
            _c("source", r"referral source|source of referral"),
            _c("nfa", r"\bnfa\b"),
            _c("count", r"number of referrals"),
            TEAM,
        ),
    ),
    4: (
        "Assessments",
        (
            *COMMON,
            DISABILITY,
            _c("start", r"assessment start date", True),
            _c("seen", r"child seen"),
            _c("end", r"authorisation"),
            TEAM,
        ),
    ),
    5: (
        "Section 47 enquiries",
        (
            *COMMON,
            DISABILITY,
            _c("start", r"strategy discussion|section 47 enquiry start|s47 start", True),
            _c("unnecessary", r"deemed unnecessary"),
            _c("icpc", r"date of initial child protection conference|icpc date"),
            _c("plan", r"result in a child protection plan"),
            TEAM,
        ),
    ),
    6: (
        "Children in need",
        (
            *COMMON,
            DISABILITY,
            _c("start", r"cin start date", True),
            _c("need", r"primary need"),
            _c("end", r"cin closure date"),
            _c("reason", r"reason for closure"),
            TEAM,
        ),
    ),
    7: (
        "Child protection",
        (
            *COMMON,
            DISABILITY,
            _c("start", r"protection plan start date", True),
            _c("initial", r"initial category"),
            _c("latest", r"latest category"),
            _c("end", r"protection plan end date"),
            _c("previous", r"number of previous"),
            TEAM,
        ),
    ),
    8: (
        "Children in care",
        (
            *COMMON,
            DISABILITY,
            _c("start", r"date started to be looked after", True),
            _c("legal", r"^(child s )?legal status$"),
            _c("placements", r"number of placements"),
            _c("end", r"date ceased to be looked after"),
            _c("placement", r"^placement type"),
            TEAM,
        ),
    ),
    9: (
        "Care leavers",
        (
            *COMMON,
            DISABILITY,
            _c("eligibility", r"eligibility"),
            _c("activity", r"activity"),
            _c("suitable", r"suitability"),
            TEAM,
        ),
    ),
    10: (
        "Adoption",
        (
            *COMMON,
            DISABILITY,
            _c("start", r"date of decision that child should be placed for adoption", True),
            _c("end", r"date of adoption order"),
        ),
    ),
    11: (
        "Adopters",
        (_c("adopter_id", r"adopter identifier", True), _c("enquiry", r"date enquiry received")),
    ),
}

# Columns that only the January 2024 template's List 9 has.
LIST_9_2024 = (
    re.compile(r"personal advis"),
    re.compile(r"pathway plan review"),
    re.compile(r"latest date of contact"),
)
_SHEET = re.compile(r"list\s*0?(\d{1,2})\b", re.I)


def list_number(sheet_name: str) -> int | None:
    match = _SHEET.search(sheet_name)
    if match and int(match.group(1)) in LISTS:
        return int(match.group(1))
    return None


def fingerprint(headers: list[str]) -> int | None:
    """A sheet with an unexpected name, recognised by its required headers."""
    for number, (_, columns) in LISTS.items():
        required = [column for column in columns if column.required]
        matches = all(any(column.pattern.search(h) for h in headers) for column in required)
        if matches and (number != 1 or not any("referral" in h for h in headers)):
            return number
    return None
