"""Build the structured document for each kind of generated report."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from safeguarding_qa.partnership.selectors import partnership_name

from .choices import DocumentKind
from .models import GeneratedDocument
from .providers.dashboard import dashboard_report
from .renderers import ReportDocument
from .sections import ReportYear, annual_report


def annual_report_for(start_year: int) -> ReportDocument:
    """The annual report for the year starting in April ``start_year``."""
    return annual_report(
        ReportYear(start_year),
        partnership_name=partnership_name(),
        made_on=timezone.localdate(),
    )


def build_document(document: GeneratedDocument) -> ReportDocument:
    """The structured source of a generated document, from its kind and subject."""
    if document.kind == DocumentKind.ANNUAL_REPORT and document.year is not None:
        return annual_report_for(document.year)
    if document.kind == DocumentKind.DASHBOARD_REPORT and document.subject_id is not None:
        return dashboard_report_for(document.subject_id)
    raise ValueError(f"No builder for reports of kind {document.kind!r}.")


def dashboard_report_for(period_id: int | None) -> ReportDocument:
    """The quarterly dashboard report for a quarter (by default the latest with figures)."""
    return dashboard_report(
        period_id=period_id, partnership_name=partnership_name(), made_on=timezone.localdate()
    )


def title_for(kind: str, *, year: int | None, subject: Any = None) -> str:
    if kind == DocumentKind.ANNUAL_REPORT and year is not None:
        return f"Quality assurance annual report {ReportYear(year).label}"
    if kind == DocumentKind.DASHBOARD_REPORT and subject is not None:
        return f"Quarterly dashboard report {subject.label}"
    raise ValueError(f"No title for reports of kind {kind!r}.")
