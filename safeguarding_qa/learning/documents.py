"""A briefing as a report document, for its PDF (the same source as its page)."""

from __future__ import annotations

from django.core.cache import cache

from safeguarding_qa.partnership.selectors import partnership_name
from safeguarding_qa.reports.renderers import BulletList, Paragraph, ReportDocument, Section
from safeguarding_qa.reports.renderers.pdf import render_pdf

from .choices import SEVEN_SECTIONS
from .models import LearningBriefing

# Sections written one item a line read best as lists.
_LISTED = {"reflection_questions", "further_reading", "what_to_do"}


def _blocks(field: str, text: str) -> tuple[Paragraph | BulletList, ...]:
    lines = [line.strip().lstrip("-•* ").strip() for line in text.splitlines() if line.strip()]
    if field in _LISTED and len(lines) > 1:
        return (BulletList(tuple(lines)),)
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return tuple(Paragraph(part) for part in paragraphs) or (Paragraph("Not written yet."),)


def briefing_document(briefing: LearningBriefing) -> ReportDocument:
    """The 7-minute briefing as seven numbered sections; public once published."""
    sections = tuple(
        Section(
            title=section.title,
            blocks=_blocks(section.field, getattr(briefing, section.field)),
            anchor=f"section-{section.field.replace('_', '-')}",
        )
        for section in SEVEN_SECTIONS
    )
    return ReportDocument(
        title=briefing.title,
        subtitle=f"7-minute briefing. {briefing.summary}".strip(),
        author=partnership_name(),
        made_on=briefing.published_at.date() if briefing.published_at else None,
        sections=sections,
        public=briefing.is_published,
        numbered_sections=True,
        contents=False,
    )


def briefing_pdf(briefing: LearningBriefing) -> bytes:
    """The briefing's PDF, cached until the briefing next changes."""
    key = f"learning:briefing-pdf:{briefing.pk}:{briefing.updated_at.timestamp()}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(briefing_document(briefing))
        cache.set(key, pdf, 3600)
    return bytes(pdf)
