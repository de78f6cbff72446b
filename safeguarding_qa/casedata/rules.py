"""Named domain rules for case-level data."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings

DEFAULT_RETENTION_DAYS = 3 * 365


def retention_days() -> int:
    """Snapshots are kept for ``CASEDATA_RETENTION_DAYS`` (default three years) after their
    as-at date, then deleted by ``manage.py purge_casedata``: long enough for the look-backs
    the indicators need (re-referrals, repeat plans), no longer."""
    return int(getattr(settings, "CASEDATA_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def retention_cutoff(today: date) -> date:
    """Snapshots as at a date before this one are past retention."""
    return today - timedelta(days=retention_days())


def import_blocked(error_count: int) -> bool:
    """An import is all-or-nothing: one error and nothing is written. Warnings never block."""
    return error_count > 0


def sample_size_allowed(size: int, cohort_size: int) -> bool:
    """A sample has at least one child and no more children than the cohort holds."""
    return 1 <= size <= cohort_size
