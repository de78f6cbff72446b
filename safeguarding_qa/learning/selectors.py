"""Reads for learning briefings: lists, the public page, dissemination reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, QuerySet, Sum

from safeguarding_qa.access.context import Access
from safeguarding_qa.partnership.models import Organisation

from .choices import BriefingStatus
from .models import Dissemination, LearningBriefing
from .policies import briefings as briefing_policy


def briefing_list(*, access: Access) -> QuerySet[LearningBriefing]:
    """The briefings this person may see, most recently changed first."""
    return briefing_policy.scope(access).order_by("-updated_at", "-pk")


def published_briefings() -> QuerySet[LearningBriefing]:
    """What anyone, signed in or not, may read: published briefings only."""
    return LearningBriefing.objects.filter(status=BriefingStatus.PUBLISHED).order_by(
        "-published_at", "-pk"
    )


def published_briefing(*, slug: str) -> LearningBriefing | None:
    return published_briefings().filter(slug=slug).first()


@dataclass(frozen=True)
class OrganisationReach:
    organisation: str
    cascades: int
    staff_reached: int
    latest: date | None


@dataclass(frozen=True)
class ReachSummary:
    rows: list[OrganisationReach]
    organisations_reporting: int
    organisations_active: int
    staff_reached: int
    not_yet_reported: list[str]


def reach_summary(*, briefing: LearningBriefing) -> ReachSummary:
    """How far the briefing has reached: per organisation and in total (two queries)."""
    per_organisation = (
        Dissemination.objects.filter(briefing=briefing)
        .values("organisation_id", "organisation__name")
        .annotate(cascades=Count("pk"), staff=Sum("staff_reached"), latest=Max("cascaded_on"))
        .order_by("organisation__name")
    )
    rows = [
        OrganisationReach(
            organisation=row["organisation__name"],
            cascades=row["cascades"],
            staff_reached=row["staff"] or 0,
            latest=row["latest"],
        )
        for row in per_organisation
    ]
    active = list(Organisation.objects.filter(is_active=True).values_list("name", flat=True))
    reporting = {row.organisation for row in rows}
    return ReachSummary(
        rows=rows,
        organisations_reporting=len(rows),
        organisations_active=len(active),
        staff_reached=sum(row.staff_reached for row in rows),
        not_yet_reported=[name for name in active if name not in reporting],
    )


def briefing_disseminations(*, briefing: LearningBriefing) -> QuerySet[Dissemination]:
    return (
        Dissemination.objects.filter(briefing=briefing)
        .select_related("organisation", "recorded_by")
        .order_by("-cascaded_on", "-pk")
    )


def organisation_choices(*, access: Access) -> QuerySet[Organisation]:
    """The organisations this person may record dissemination for."""
    organisations = Organisation.objects.filter(is_active=True).order_by("name")
    if access.sees_partnership:
        return organisations
    if access.organisation_id is None:
        return organisations.none()
    return organisations.filter(pk=access.organisation_id)
