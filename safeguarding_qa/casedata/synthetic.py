"""Synthetic Annex A workbooks and CIN census files with realistic volumes and mixes.

Only synthetic data: IDs are ``BRK`` numbers of the fictional Brackenmoor partnership, and
names are never written. Volumes per list follow a typical local authority (reference §7),
scaled to the tier; category, source and timeliness mixes follow the national figures.
"""

from __future__ import annotations

import random
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from xml.sax.saxutils import escape

TIERS = {"S": 5_000, "M": 25_000, "L": 125_000, "XL": 125_000}
CIN_CHILDREN = {"S": 1_500, "M": 5_000, "L": 25_000, "XL": 800_000}
XL_CONTACTS = 3_000_000
# Share of Annex A rows per list for a typical authority (about 21,700 rows in all).
SHARES = {
    1: 9000,
    2: 1500,
    3: 2100,
    4: 2300,
    5: 750,
    6: 4500,
    7: 500,
    8: 600,
    9: 350,
    10: 45,
    11: 65,
}
_EPOCH = date(1899, 12, 30)
GENDERS = ["a) Male"] * 48 + ["b) Female"] * 48 + ["c) Not stated/recorded"] * 3 + ["d) Neither"]
ETHNICITIES = (
    ["a) WBRI"] * 70
    + ["k) APKN"] * 5
    + ["f) MWBC"] * 4
    + ["o) BAFR"] * 4
    + ["d) WOTH"] * 6
    + ["m) AOTH"] * 3
    + ["r) OOTH"] * 4
    + ["s) REFU"] * 2
    + ["t) NOBT"] * 2
)
SOURCES = (
    ["q) 6: Police"] * 28
    + ["e) 2A: Schools"] * 21
    + ["g) 3A: Health services"] * 5
    + ["j) 3D: Health services"] * 9
    + ["a) 1A: Individual"] * 8
    + ["m) 4: Housing"] * 2
    + ["n) 5A: LA services"] * 10
    + ["s) 8: Other"] * 9
    + ["t) 9: Anonymous"] * 2
    + ["u) 10: Unknown"] * 6
)
CATEGORIES = (
    ["a) Neglect"] * 50
    + ["d) Emotional abuse"] * 36
    + ["b) Physical abuse"] * 7
    + ["c) Sexual abuse"] * 4
    + ["e) Multiple/not recommended"] * 3
)
TEAMS = [
    f"Brackenmoor {name}"
    for name in (
        "Front Door",
        "North Locality",
        "South Locality",
        "East Locality",
        "Children in Care 1",
        "Children in Care 2",
        "Disabled Children",
        "Care Leavers",
    )
]
COMMON = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age"]
HEADERS: dict[int, list[str]] = {
    1: COMMON + ["Date of Contact", "Contact Source"],
    2: COMMON
    + ["Assessment start date", "Assessment completion date", "Organisation completing assessment"],
    3: COMMON
    + [
        "Date of Referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
        "Allocated Team",
        "Allocated Worker",
    ],
    4: COMMON
    + [
        "Does the Child have a Disability",
        "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?",
        "Allocated Team",
        "Allocated Worker",
    ],
    5: COMMON
    + [
        "Does the Child have a Disability",
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months",
        "Number of ICPCs in the last 12 months",
        "Allocated Team",
        "Allocated Worker",
    ],
    6: COMMON
    + [
        "Does the Child have a Disability",
        "CIN Start Date",
        "Primary Need Code",
        "Date Child Was Last Seen",
        "CIN Closure Date",
        "Reason for Closure",
        "Case Status",
        "Allocated Team",
        "Allocated Worker",
    ],
    7: COMMON
    + [
        "Does the Child have a Disability",
        "Child Protection Plan Start Date",
        "Initial Category of Abuse",
        "Latest Category of Abuse",
        "Date of the Last Statutory Visit",
        "Was the Child Seen Alone?",
        "Date of latest review conference",
        "Child Protection Plan End Date",
        "Number of Previous Child Protection Plans",
        "Allocated Team",
        "Allocated Worker",
    ],
    8: COMMON
    + [
        "Does the Child have a Disability",
        "Date Started to be Looked After",
        "Child\u2019s Legal Status",
        "Number of Placements in the Last 12 months",
        "Date Ceased to be Looked After",
        "Placement Type",
        "Number of Episodes the Child has been \u2018Missing\u2019 from their "
        "Placement in the last 12 months",
        "Allocated Team",
        "Allocated Worker",
    ],
    9: COMMON
    + [
        "Does the Child have a Disability",
        "Allocated Team",
        "Allocated Worker",
        "Allocated Personal Advisor",
        "Eligibility Category",
        "Latest Pathway Plan Review Date",
        "LA in Touch",
        "Latest Date of Contact",
        "Type of Accommodation",
        "Suitability of Accommodation",
        "Activity Status",
    ],
    10: [
        "Child Unique ID",
        "Family identifier",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "Does the Child have a Disability",
        "Date of Decision that Child Should be Placed for Adoption",
        "Date of Adoption Order",
    ],
    11: [
        "Individual adopter identifier",
        "Family identifier",
        "Gender",
        "Ethnicity",
        "Disability",
        "Date enquiry received",
    ],
}


def serial(value: date) -> int:
    return (value - _EPOCH).days


class _People:
    """A pool of synthetic children whose characteristics stay the same across lists."""

    def __init__(self, size: int, as_at: date, seed: int) -> None:
        rng = random.Random(seed)  # noqa: S311  (synthetic data, not security)
        self.size = size
        self.as_at = as_at
        self.gender = [rng.choice(GENDERS) for _ in range(size)]
        self.ethnicity = [rng.choice(ETHNICITIES) for _ in range(size)]
        self.born = [as_at - timedelta(days=rng.randint(30, 17 * 365)) for _ in range(size)]
        self.team = [rng.choice(TEAMS) for _ in range(size)]

    def common(self, i: int) -> list[Any]:
        age = round((self.as_at - self.born[i]).days / 365.25, 3)
        return [f"BRK{i:08d}", self.gender[i], self.ethnicity[i], serial(self.born[i]), age]


def _rows(  # noqa: C901  (one branch per list)
    number: int, count: int, people: _People, rng: random.Random
) -> Iterator[list[Any]]:
    as_at = people.as_at
    half_year = as_at - timedelta(days=182)
    yes_no = ("a) Yes", "b) No")
    used: set[tuple[int, date]] = set()

    def unique(i: int, start: date) -> date:
        # The same child twice on the same start date would be a duplicate row.
        while (i, start) in used:
            start -= timedelta(days=1)
        used.add((i, start))
        return start

    for j in range(count):
        if number in (1, 3):
            i = j % people.size
            day = half_year + timedelta(days=min(181, (j // people.size) * 7 + rng.randint(0, 6)))
        elif number == 7:
            i = j  # one plan per child, so plans never overlap
        else:
            i = (j * 7 + number) % people.size
        base = people.common(i)
        team = people.team[i]
        if number == 1:
            yield base + [serial(day), rng.choice(SOURCES)]
        elif number == 2:
            start = unique(i, half_year + timedelta(days=rng.randint(0, 170)))
            yield base + [
                serial(start),
                serial(start + timedelta(days=rng.randint(5, 60))),
                "Brackenmoor Early Help Hub",
            ]
        elif number == 3:
            repeat = rng.random() < 0.226
            yield base + [
                serial(day),
                rng.choice(SOURCES),
                "Yes" if rng.random() < 0.065 else "No",
                rng.randint(1, 3) if repeat else 0,
                team,
                "",
            ]
        elif number == 4:
            start = unique(i, half_year + timedelta(days=rng.randint(0, 175)))
            span = rng.randint(10, 45) if rng.random() < 0.86 else rng.randint(66, 120)
            end = start + timedelta(days=span)
            yield base + [
                "b) No",
                serial(start),
                "Yes",
                serial(end) if end <= as_at else None,
                "Yes",
                team,
                "",
            ]
        elif number == 5:
            start = unique(i, half_year + timedelta(days=rng.randint(0, 160)))
            held = rng.random() < 0.35
            icpc = start + timedelta(days=rng.randint(8, 20) if rng.random() < 0.81 else 30)
            yield base + [
                "b) No",
                serial(start),
                "No" if held else "Yes",
                serial(icpc) if held and icpc <= as_at else None,
                ("Yes" if rng.random() < 0.86 else "No") if held else None,
                1,
                1 if held else 0,
                team,
                "",
            ]
        elif number == 6:
            start = unique(i, as_at - timedelta(days=rng.randint(30, 6 * 365)))
            closed = rng.random() < 0.4
            end = start + timedelta(days=rng.randint(20, 400))
            closed = closed and end <= as_at
            yield base + [
                "b) No",
                serial(start),
                f"N{rng.choice('11111234568')} - Need",
                serial(as_at - timedelta(days=rng.randint(1, 40))),
                serial(end) if closed else None,
                "RC7" if closed else None,
                "e) Closed episode" if closed else "c) Child in need plan",
                team,
                "",
            ]
        elif number == 7:
            start = as_at - timedelta(days=rng.randint(20, 900))
            ended = rng.random() < 0.3
            end = min(as_at, start + timedelta(days=rng.randint(60, 800)))
            category = rng.choice(CATEGORIES)
            yield base + [
                "b) No",
                serial(start),
                category,
                category,
                serial(as_at - timedelta(days=rng.randint(1, 15))),
                rng.choice(yes_no),
                None,
                serial(end) if ended else None,
                rng.choice([0, 0, 0, 1, 1, 2]),
                team,
                "",
            ]
        elif number == 8:
            start = unique(i, as_at - timedelta(days=rng.randint(30, 8 * 365)))
            yield base + [
                "b) No",
                serial(start),
                rng.choice(["C2: FCO", "C1: ICO", "V2: S20"]),
                rng.choice([1, 1, 1, 1, 2, 2, 3, 4]),
                None,
                rng.choice(["f) U6: Foster placement - not FFA", "p) K2: Children's Homes"]),
                rng.choice([0, 0, 0, 1, 3]),
                team,
                "",
            ]
        elif number == 9:
            yield base + [
                "b) No",
                team,
                "",
                "",
                "b) Former relevant child",
                None,
                "a) Yes",
                None,
                "U: Independent living",
                rng.choice(["a) Suitable"] * 9 + ["b) Unsuitable"]),
                rng.choice(["F1: Full time in higher education", "G5: NEET other"]),
            ]
        elif number == 10:
            start = unique(i, as_at - timedelta(days=rng.randint(30, 360)))
            yield [
                base[0],
                f"FAM{j:06d}",
                base[1],
                base[2],
                base[3],
                int(base[4]),
                "b) No",
                serial(start),
                None,
            ]
        else:
            yield [
                f"ADP{j:07d}",
                f"FAM{j:06d}",
                rng.choice(GENDERS),
                rng.choice(ETHNICITIES),
                "b) No",
                serial(as_at - timedelta(days=rng.randint(1, 360))),
            ]


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "<c/>"
    if isinstance(value, int | float):
        return f"<c><v>{value}</v></c>"
    return f'<c t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def _sheet(header: list[str], rows: Iterator[list[Any]]) -> Iterator[str]:
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="'
        'http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    yield '<row r="1">' + "".join(_cell(h) for h in header) + "</row>"
    for number, row in enumerate(rows, start=2):
        yield f'<row r="{number}">' + "".join(_cell(v) for v in row) + "</row>"
    yield "</sheetData></worksheet>"


def list_sizes(tier: str) -> dict[int, int]:
    total = sum(SHARES.values())
    sizes = {n: max(5, round(share * TIERS[tier] / total)) for n, share in SHARES.items()}
    if tier == "XL":
        sizes[1] = XL_CONTACTS
    return sizes


def write_annex_a(path: str, *, tier: str, as_at: date, seed: int = 1) -> dict[int, int]:
    """Write an Annex A workbook (January 2024 template headings) and return its row counts."""
    sizes = list_sizes(tier)
    people = _People(max(sizes[1] // 20, sizes[7], sum(sizes.values()) // 3), as_at, seed)
    rng = random.Random(seed + 1)  # noqa: S311  (synthetic data, not security)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _content_types())
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _workbook())
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels())
        for number, count in sizes.items():
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as out:
                chunk: list[str] = []
                for part in _sheet(HEADERS[number], _rows(number, count, people, rng)):
                    chunk.append(part)
                    if len(chunk) >= 2000:
                        out.write("".join(chunk).encode())
                        chunk.clear()
                out.write("".join(chunk).encode())
    return sizes


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def _content_types() -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in SHARES
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + sheets + "</Types>"
    )


def _workbook() -> str:
    sheets = "".join(f'<sheet name="List {n}" sheetId="{n}" r:id="rId{n}"/>' for n in SHARES)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships"><sheets>{sheets}</sheets></workbook>'
    )


def _workbook_rels() -> str:
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in SHARES
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    )
