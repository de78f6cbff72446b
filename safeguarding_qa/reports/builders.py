"""Build the structured document for each kind of generated report."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from safeguarding_qa.audits.models import Audit
from safeguarding_qa.partnership.selectors import partnership_name

from .choices import DocumentKind
from .models import GeneratedDocument
from .narrative import narrative_for, with_narrative
from .providers.common import day
from .providers.dashboard import dashboard_report
from .renderers import ReportDocument
from .sections import ReportYear, annual_report, sections_for


def annual_report_for(start_year: int) -> ReportDocument:
    """The annual report for the year starting in April ``start_year``, with the
    narrative the subgroup has written for that year, if any."""
    document = annual_report(
        ReportYear(start_year),
        partnership_name=partnership_name(),
        made_on=timezone.localdate(),
    )
    narrative = narrative_for(start_year)
    return with_narrative(document, narrative) if narrative else document


def build_document(document: GeneratedDocument) -> ReportDocument:
    """The structured source of a generated document, from its kind and subject."""
    if document.kind == DocumentKind.ANNUAL_REPORT and document.year is not None:
        return annual_report_for(document.year)
    if document.kind == DocumentKind.DASHBOARD_REPORT and document.subject_id is not None:
        return dashboard_report_for(document.subject_id)
    if document.kind == DocumentKind.AUDIT_REPORT and document.subject_id is not None:
        return audit_report_for(document.subject_id)
    raise ValueError(f"No builder for reports of kind {document.kind!r}.")


def dashboard_report_for(period_id: int | None) -> ReportDocument:
    """The quarterly dashboard report for a quarter (by default the latest with figures)."""
    return dashboard_report(
        period_id=period_id, partnership_name=partnership_name(), made_on=timezone.localdate()
    )


def audit_report_title(audit: Audit) -> str:
    return f"Audit report: {audit.title}"


def audit_report_for(audit: Audit | int) -> ReportDocument:
    """The report of one audit (or of the audit with this id), from every provider
    registered for "audit"."""
    if not isinstance(audit, Audit):
        audit = Audit.objects.get(pk=audit)
    when = audit.panel_date or audit.closed_on
    return ReportDocument(
        title=audit_report_title(audit),
        subtitle=f"{audit.get_kind_display()}. Panel {day(when)}." if when else "",
        author=partnership_name(),
        made_on=timezone.localdate(),
        sections=tuple(sections_for("audit", audit)),
        numbered_sections=True,
    )


def title_for(kind: str, *, year: int | None, subject: Any = None) -> str:
    if kind == DocumentKind.ANNUAL_REPORT and year is not None:
        return f"Quality assurance annual report {ReportYear(year).label}"
    if kind == DocumentKind.DASHBOARD_REPORT and subject is not None:
        return f"Quarterly dashboard report {subject.label}"
    if kind == DocumentKind.AUDIT_REPORT and isinstance(subject, Audit):
        return audit_report_title(subject)
    raise ValueError(f"No title for reports of kind {kind!r}.")
