"""The annual report's audits section: each audit of the year with its month, number of
cases, aims and recommendations. Pseudonymous: case references never appear."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q

from safeguarding_qa.audits.models import Audit, AuditAim
from safeguarding_qa.recommendations.models import Recommendation

from ..renderers import Block, BulletList, Heading, Paragraph, Section
from ..sections import ReportYear
from .common import plural


def _month(audit: Audit) -> str:
    when = audit.panel_date or audit.closed_on or audit.returns_due
    return f"{when:%B %Y}" if when else "Date not set"


def audit_sections(year: ReportYear) -> list[Section]:
    """Audits whose panel met, or that closed, during the year. Three queries."""
    span = (year.starts_on, year.ends_on)
    audits = list(
        Audit.objects.filter(Q(panel_date__range=span) | Q(closed_on__range=span))
        .annotate(case_count=Count("cases", distinct=True))
        .prefetch_related(Prefetch("aims", queryset=AuditAim.objects.order_by("position")))
        .order_by("panel_date", "title")
    )
    title = "Audits"
    if not audits:
        return [Section(title, (Paragraph("No audit reached its panel this year."),), "audits")]
    found: dict[int | None, list[str]] = defaultdict(list)
    for source_id, reference, text in (
        Recommendation.objects.filter(
            source_content_type=ContentType.objects.get_for_model(Audit),
            source_object_id__in=[a.pk for a in audits],
        )
        .values_list("source_object_id", "reference", "title")
        .order_by("reference")
    ):
        found[source_id].append(f"{reference}: {text}")
    blocks: list[Block] = [
        Paragraph(f"The subgroup completed {plural(len(audits), 'multi-agency audit')}.")
    ]
    for audit in audits:
        cases = audit.case_count
        blocks += [
            Heading(audit.title),
            Paragraph(f"{_month(audit)}. Theme: {audit.theme}. {plural(cases, 'case')} audited."),
            Heading("Aims", level=4),
            BulletList(tuple(aim.text for aim in audit.aims.all()) or ("No aims recorded.",)),
            Heading("Recommendations", level=4),
            BulletList(tuple(found[audit.pk]) or ("No recommendations were made.",)),
        ]
    return [Section(title=title, blocks=tuple(blocks), anchor="audits")]
