"""Fixed lists for learning briefings."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class BriefingStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CascadeMethod(models.TextChoices):
    TEAM_MEETING = "team_meeting", "Team meetings"
    SUPERVISION = "supervision", "Group supervision"
    TRAINING = "training", "Training session"
    BULLETIN = "bulletin", "Bulletin or e-mail"
    OTHER = "other", "Other"


@dataclass(frozen=True)
class BriefingSection:
    field: str
    title: str
    hint: str


# The seven numbered sections of the 7-minute briefing, in order.
SEVEN_SECTIONS: tuple[BriefingSection, ...] = (
    BriefingSection("background", "Background", "What was looked at, when and why."),
    BriefingSection(
        "why_it_matters", "Why it matters", "The risk to children if we get this wrong."
    ),
    BriefingSection(
        "what_we_found",
        "What we found",
        "The main findings, without identifying any child or family.",
    ),
    BriefingSection(
        "what_good_looks_like",
        "What good looks like",
        "Practice the audit or review found, or expects.",
    ),
    BriefingSection(
        "what_to_do",
        "What practitioners should do",
        "Clear actions for practitioners and managers.",
    ),
    BriefingSection(
        "reflection_questions",
        "Questions for reflection",
        "Questions for team meetings and group supervision, one a line.",
    ),
    BriefingSection(
        "further_reading",
        "Further reading and contacts",
        "Policies, procedures and who to contact, one a line.",
    ),
)
SECTION_FIELDS = tuple(section.field for section in SEVEN_SECTIONS)
