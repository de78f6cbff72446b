"""The annual report's narrative: the first draft from the records, and how the saved
words take their place in the report (page, PDF and Word alike).

The introduction opens the report; the areas for improvement and future plans replace
the computed text of the "Areas for improvement and future plans" section, keeping its
table of next year's work programme.
"""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Q

from safeguarding_qa.audits.models import Audit
from safeguarding_qa.programme.choices import ItemStatus
from safeguarding_qa.programme.models import ProgrammeItem

from .models import AnnualReportNarrative
from .renderers import Block, BulletList, Heading, Paragraph, ReportDocument, Section, Table
from .sections import ReportYear

NARRATIVE_FIELDS = ["introduction", "areas_for_improvement", "future_plans"]
PLANS_ANCHOR = "plans"
INTRODUCTION_ANCHOR = "introduction"


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _points(text: str) -> list[str]:
    return [line.strip().lstrip("-•* ").strip() for line in text.splitlines() if line.strip()]


def narrative_draft(year: ReportYear, *, partnership_name: str) -> dict[str, str]:
    """The narrative pre-filled from the records of ``year``. Three queries."""
    span = (year.starts_on, year.ends_on)
    audits = list(
        Audit.objects.filter(Q(panel_date__range=span) | Q(closed_on__range=span))
        .only("title", "panel_improvements")
        .order_by("panel_date", "title")
    )
    slipped = ProgrammeItem.objects.filter(
        programme__year=year.start_year, status=ItemStatus.SLIPPED
    ).values_list("title", flat=True)
    following = list(
        ProgrammeItem.objects.filter(programme__year=year.start_year + 1).order_by(
            "quarter", "kind", "title"
        )
    )
    improvements = [
        f"{audit.title}: {point}" for audit in audits for point in _points(audit.panel_improvements)
    ] + [f"Work that slipped: {title}" for title in slipped]
    plans = [
        f"{f'Q{item.quarter}' if item.quarter else 'Quarter not set'}: {item.title} "
        f"({item.get_kind_display().lower()})"
        for item in following
    ]
    return {
        "introduction": (
            f"This is the annual report of the quality assurance subgroup of "
            f"{partnership_name} for {year.label}. It sets out the subgroup's membership and "
            f"meetings, the {len(audits)} multi-agency audits it completed and their "
            "recommendations, progress on every recommendation, the performance dashboard, "
            "self-assessment, learning briefings and the plans for next year."
        ),
        "areas_for_improvement": _bullets(improvements)
        or "No areas for improvement were recorded by audit panels this year.",
        "future_plans": _bullets(plans) or "Next year's work programme has not been agreed yet.",
    }


def narrative_for(start_year: int) -> AnnualReportNarrative | None:
    return AnnualReportNarrative.objects.filter(year=start_year).first()


def _text_blocks(text: str) -> list[Block]:
    """Lines starting with a dash become a list; other text stays as paragraphs."""
    blocks: list[Block] = []
    for part in (chunk.strip() for chunk in text.split("\n\n")):
        if not part:
            continue
        lines = [line.strip() for line in part.splitlines() if line.strip()]
        if all(line[:1] in "-•*" for line in lines):
            blocks.append(BulletList(tuple(line.lstrip("-•* ").strip() for line in lines)))
        else:
            blocks.append(Paragraph(" ".join(lines)))
    return blocks


def with_narrative(document: ReportDocument, narrative: AnnualReportNarrative) -> ReportDocument:
    """The annual report with the saved narrative in place of the computed text."""
    sections: list[Section] = []
    if narrative.introduction.strip():
        sections.append(
            Section("Introduction", tuple(_text_blocks(narrative.introduction)), "introduction")
        )
    for section in document.sections:
        if section.anchor == PLANS_ANCHOR:
            section = _plans_section(section, narrative)
        sections.append(section)
    return replace(document, sections=tuple(sections))


def _plans_section(computed: Section, narrative: AnnualReportNarrative) -> Section:
    tables = [block for block in computed.blocks if isinstance(block, Table)]
    blocks: list[Block] = [
        Heading("Areas for improvement"),
        *(_text_blocks(narrative.areas_for_improvement) or [Paragraph("None recorded.")]),
        Heading("Future plans"),
        *(_text_blocks(narrative.future_plans) or [Paragraph("None recorded.")]),
        *tables,
    ]
    return replace(computed, blocks=tuple(blocks))
