"""Demo data for case data, built idempotently.

A small generated Annex A workbook (about 5,000 rows) and a 300-child CIN census file for
the fictional Brackenmoor partnership, imported as the partnership administrator, and one
sample of four children on a plan for neglect drawn with a recorded seed.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from safeguarding_qa.access.context import Access
from safeguarding_qa.demo.context import DemoContext

from .models import Snapshot, Source
from .services.imports import casedata_import
from .services.samples import sample_draw
from .synthetic import write_annex_a
from .synthetic_cin import write_cin_census

ANNEX_A_NAME = "brackenmoor-demo-annex-a.xlsx"
CIN_NAME = "brackenmoor-demo-cin-census.xml"
AS_AT = date(2025, 3, 31)
POPULATION = 78_000


def build(context: DemoContext) -> None:
    """Adds this area's demo records; running it twice changes nothing."""
    access = Access.for_user(context.cast["admin"])
    annex_a = Snapshot.objects.filter(file_name=ANNEX_A_NAME).first()
    with tempfile.TemporaryDirectory() as folder:
        if annex_a is None:
            path = Path(folder) / ANNEX_A_NAME
            write_annex_a(str(path), tier="S", as_at=AS_AT, seed=2025)
            annex_a = casedata_import(
                access=access,
                source=Source.ANNEX_A,
                file=str(path),
                file_name=ANNEX_A_NAME,
                as_at=AS_AT,
                child_population=POPULATION,
            ).snapshot
            if annex_a is not None:
                sample_draw(
                    access=access,
                    snapshot=annex_a,
                    cohort="cp_neglect",
                    size=4,
                    seed=2025,
                    stratify_by="age",
                )
        if not Snapshot.objects.filter(file_name=CIN_NAME).exists():
            path = Path(folder) / CIN_NAME
            write_cin_census(str(path), children=300, year=2025, seed=2025)
            casedata_import(
                access=access,
                source=Source.CIN_CENSUS,
                file=str(path),
                file_name=CIN_NAME,
                child_population=POPULATION,
            )
    context.made["casedata_snapshot"] = annex_a
