"""Named rules for generated reports."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

# Generated files hold partnership information: they are kept only as long as needed.
DOCUMENT_LIFETIME = timedelta(days=30)
FIRST_REPORT_YEAR = 2015


def document_expires_at(made_at: datetime) -> datetime:
    """A generated document expires ``DOCUMENT_LIFETIME`` after it is made; after that
    its file is deleted and it can no longer be downloaded."""
    return made_at + DOCUMENT_LIFETIME


def report_year_is_allowed(start_year: int, today: date | None = None) -> bool:
    """An annual report can be produced for any year from ``FIRST_REPORT_YEAR`` to the
    current partnership year (April to March); not for a year that has not begun."""
    today = today or timezone.localdate()
    current = today.year if today.month >= 4 else today.year - 1
    return FIRST_REPORT_YEAR <= start_year <= current
