"""Permission-matrix rows for case data.

Partnership administrators (admin, admin_icb) import files, preview cohorts and draw
samples; the chair's role (chair, qa_lead) sees snapshots and computed indicators only;
nobody else sees case data at all. Snapshots, imports and samples are partnership-wide, so
there is no own/other organisation distinction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.casedata.models import (
    CaseEvent,
    ChildRecord,
    EventKind,
    ImportJob,
    ImportState,
    Sample,
    SampleMember,
    Snapshot,
    Source,
)

UNKNOWN = 999_999
VIEWERS = {"admin": 200, "admin_icb": 200, "chair": 200, "qa_lead": 200}
ADMINS = {"admin": 200, "admin_icb": 200}
ADMINS_WRITE = {"admin": 302, "admin_icb": 302}


def build(world: World) -> None:
    """A snapshot with three children on neglect plans, a failed import and a sample."""
    snapshot = Snapshot.objects.create(
        source=Source.ANNEX_A, as_at=date(2025, 3, 31), children=3, records=3
    )
    for n in range(3):
        key = f"{n:064d}"
        ChildRecord.objects.create(
            snapshot=snapshot,
            child_key=key,
            sex="F",
            ethnicity="WBRI",
            birth_month=date(2015, 1, 1),
            team="Matrix Team",
        )
        CaseEvent.objects.create(
            snapshot=snapshot,
            kind=EventKind.PROTECTION_PLAN,
            child_key=key,
            started_on=date(2024, 6, 1),
            code="NEG",
            detail_code="NEG",
            count=0,
        )
    world.objects["snapshot"] = snapshot
    world.objects["job"] = ImportJob.objects.create(
        source=Source.ANNEX_A,
        file_name="matrix.xlsx",
        state=ImportState.FAILED,
        progress=100,
        error_count=1,
        error_report="List or section,Row,Column,Value,What is wrong\r\n",
    )
    sample = Sample.objects.create(
        snapshot=snapshot, cohort="cp_neglect", size=1, seed=7, cohort_size=3
    )
    SampleMember.objects.create(
        sample=sample, position=1, reference=f"S{sample.pk}-01", child_key=f"{0:064d}"
    )
    world.objects["sample"] = sample


def _object(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


def _draw_data(w: World) -> dict[str, Any]:
    return {
        "cohort": "cp_neglect",
        "size": "2",
        "seed": "42",
        "stratify_by": "",
        "exclude_months": "0",
    }


ROUTES: list[RouteCheck] = [
    RouteCheck("casedata:home", expect(403, **VIEWERS)),
    RouteCheck("casedata:snapshot-detail", expect(403, **VIEWERS), kwargs=_object("snapshot")),
    RouteCheck(
        "casedata:snapshot-detail",
        expect(403, **dict.fromkeys(VIEWERS, 404)),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck(
        "casedata:snapshot-indicators-record",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_object("snapshot"),
    ),
    RouteCheck(
        "casedata:snapshot-indicators-record",
        expect(403, **{"admin": 404, "admin_icb": 404}),
        method="POST",
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("casedata:cohort-preview", expect(403, **ADMINS), kwargs=_object("snapshot")),
    RouteCheck("casedata:sample-draw", expect(403, **ADMINS), kwargs=_object("snapshot")),
    RouteCheck(
        "casedata:sample-draw",
        expect(403, **ADMINS_WRITE),
        method="POST",
        kwargs=_object("snapshot"),
        data=_draw_data,
    ),
    RouteCheck(
        "casedata:sample-draw",
        expect(403, **{"admin": 404, "admin_icb": 404}),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("casedata:import-start", expect(403, **ADMINS)),
    RouteCheck(
        "casedata:import-start",
        expect(403, **ADMINS),
        method="POST",
        data=lambda w: {"source": "annex_a"},
        label="no file",
    ),
    RouteCheck("casedata:import-detail", expect(403, **ADMINS), kwargs=_object("job")),
    RouteCheck(
        "casedata:import-detail",
        expect(403, **{"admin": 404, "admin_icb": 404}),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("casedata:import-report", expect(403, **ADMINS), kwargs=_object("job")),
    RouteCheck("casedata:sample-detail", expect(403, **ADMINS), kwargs=_object("sample")),
    RouteCheck(
        "casedata:sample-detail",
        expect(403, **{"admin": 404, "admin_icb": 404}),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("casedata:sample-export", expect(403, **ADMINS), kwargs=_object("sample")),
]
