"""Named rules for learning briefings and their dissemination."""

from __future__ import annotations

from datetime import date

from .choices import SEVEN_SECTIONS, BriefingStatus
from .models import LearningBriefing


def briefing_is_editable(briefing: LearningBriefing) -> bool:
    """A briefing is edited while a draft, once approved (which returns it to draft for
    approval again), or after it is withdrawn; a published briefing must be withdrawn
    first, so that what the public reads is always what the chair approved."""
    return briefing.status != BriefingStatus.PUBLISHED


def briefing_can_be_approved(briefing: LearningBriefing) -> bool:
    """A draft is approved (the approval step is the chair's); so is a withdrawn briefing,
    to publish it again unchanged."""
    return briefing.status in (BriefingStatus.DRAFT, BriefingStatus.WITHDRAWN)


def briefing_can_be_published(briefing: LearningBriefing) -> bool:
    """Only an approved briefing is published."""
    return briefing.status == BriefingStatus.APPROVED


def briefing_can_be_withdrawn(briefing: LearningBriefing) -> bool:
    """Only a published briefing is withdrawn from the public page."""
    return briefing.status == BriefingStatus.PUBLISHED


def briefing_missing_sections(briefing: LearningBriefing) -> list[str]:
    """A briefing is approved only when all seven sections are written."""
    return [s.title for s in SEVEN_SECTIONS if not getattr(briefing, s.field).strip()]


def dissemination_is_recordable(briefing: LearningBriefing) -> bool:
    """Dissemination is recorded only for a published briefing."""
    return briefing.status == BriefingStatus.PUBLISHED


def cascade_date_is_valid(cascaded_on: date, *, today: date) -> bool:
    """A cascade happened on or before today (it is a record, not a plan)."""
    return cascaded_on <= today
