"""Reads for case data: snapshots, computed indicators, cohort previews."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access

from .codes import SEX_LABELS
from .cohorts import COHORTS
from .indicators import Measure, compute_quarter, quarters_covered
from .lazy import LazyModule
from .models import ImportJob, Sample, SampleMember, Snapshot
from .policies import imports as import_policy
from .policies import samples as sample_policy
from .policies import snapshots as snapshot_policy

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")

AGE_BANDS = ((0, 4, "0 to 4"), (5, 9, "5 to 9"), (10, 15, "10 to 15"), (16, 200, "16 and over"))
STRATA = {
    "": "No strata",
    "age": "Age band",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "team": "Team",
}


def snapshot_list(*, access: Access) -> QuerySet[Snapshot]:
    return snapshot_policy.scope(access).order_by("-as_at", "-pk")


def import_list(*, access: Access) -> QuerySet[ImportJob]:
    return import_policy.scope(access).order_by("-created_at", "-pk")


def sample_list(*, access: Access, snapshot: Snapshot | None = None) -> QuerySet[Sample]:
    samples = sample_policy.scope(access)
    if snapshot is not None:
        samples = samples.filter(snapshot=snapshot)
    return samples.order_by("-created_at", "-pk")


def computed_indicators(
    *, snapshot: Snapshot, events: pl.DataFrame | None = None
) -> dict[str, dict[str, Measure]]:
    """{quarter label: {indicator code: (numerator, denominator)}} for the quarters the
    snapshot covers. The codes are listed in ``indicators.INDICATORS``. ``events`` (the
    snapshot's events as a frame, e.g. straight from an import) saves reading them back."""
    from .frames import events_frame

    if events is None:
        events = events_frame(snapshot)
    return {
        quarter.label: compute_quarter(events, quarter, snapshot.child_population)
        for quarter in quarters_covered(snapshot.as_at)
    }


def age_band(birth_month: date | None, as_at: date) -> str:
    if birth_month is None:
        return "Not recorded"
    age = as_at.year - birth_month.year - ((as_at.month, 1) < (birth_month.month, 1))
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return "Unborn"


def age_of(birth_month: date | None, as_at: date) -> int | None:
    if birth_month is None or birth_month > as_at:
        return None
    return as_at.year - birth_month.year - ((as_at.month, 1) < (birth_month.month, 1))


@dataclass
class CohortChild:
    key: str
    sex: str
    ethnicity: str
    team: str
    age: int | None
    band: str

    def stratum(self, by: str) -> str:
        return {
            "age": self.band,
            "sex": SEX_LABELS.get(self.sex, "Not recorded"),
            "ethnicity": self.ethnicity or "Not recorded",
            "team": self.team or "Not recorded",
        }.get(by, "All")


def cohort_children(*, snapshot: Snapshot, cohort: str) -> list[CohortChild]:
    """The children in a cohort at the snapshot's as-at date (two queries)."""
    from .frames import children_frame, events_frame

    keys = COHORTS[cohort].select(events_frame(snapshot), snapshot.as_at)
    children = children_frame(snapshot).filter(pl.col("child_key").is_in(list(keys)))
    return [
        CohortChild(
            key=row["child_key"],
            sex=row["sex"] or "",
            ethnicity=row["ethnicity"] or "",
            team=row["team"] or "",
            age=age_of(row["birth_month"], snapshot.as_at),
            band=age_band(row["birth_month"], snapshot.as_at),
        )
        for row in children.iter_rows(named=True)
    ]


def cohort_breakdown(children: list[CohortChild]) -> dict[str, list[tuple[str, int]]]:
    """Counts by age band, sex, ethnicity and team, largest first."""
    result: dict[str, list[tuple[str, int]]] = {}
    for by in ("age", "sex", "ethnicity", "team"):
        counts = Counter(child.stratum(by) for child in children)
        result[STRATA[by]] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return result


def recently_audited(*, since: date) -> set[str]:
    """Child keys in samples sent to an audit on or after ``since`` (for exclusions)."""
    return set(
        SampleMember.objects.filter(sample__sent_at__date__gte=since).values_list(
            "child_key", flat=True
        )
    )


def months_ago(today: date, months: int) -> date:
    return today - timedelta(days=round(months * 30.44))


def sample_members(*, sample: Sample) -> QuerySet[SampleMember]:
    return sample.members.order_by("position")


def describe_measure(measure: Measure) -> dict[str, Any]:
    numerator, denominator = measure
    share = round(100 * numerator / denominator, 1) if denominator else None
    return {"numerator": numerator, "denominator": denominator, "percent": share}
