"""Demo data for learning, built idempotently: a published and a draft briefing, and
dissemination records from several agencies. Every word is synthetic."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from safeguarding_qa.demo.context import DemoContext

from .choices import BriefingStatus, CascadeMethod
from .models import Dissemination, LearningBriefing

PUBLISHED = {
    "title": "Hearing the voice of the child in strategy discussions",
    "slug": "voice-of-the-child-in-strategy-discussions",
    "summary": "What the Brackenmoor multi-agency audit of strategy discussions found.",
    "background": (
        "In the autumn the quality assurance subgroup audited twelve strategy discussions "
        "held by the front door. Children's services, the police, health and education "
        "each audited their own records against the same four aims."
    ),
    "why_it_matters": (
        "Decisions in a strategy discussion shape everything that follows. When a child's "
        "own words and daily experience are missing, professionals may act on the adults' "
        "account alone and miss harm."
    ),
    "what_we_found": (
        "Agencies attended promptly and shared information well. In most cases, though, "
        "the record did not say what the child had said or how they presented, and "
        "schools were invited to fewer than half of the discussions."
    ),
    "what_good_looks_like": (
        "The chair opens by asking what is known of the child's wishes and feelings. "
        "Each agency brings what it has seen and heard of the child, in the child's words "
        "where possible, and the record keeps them."
    ),
    "what_to_do": (
        "Before a strategy discussion, check your records for the child's own words.\n"
        "Invite the school or setting every time the child attends one.\n"
        "Record the child's views in a separate heading of the minutes."
    ),
    "reflection_questions": (
        "When did you last record a child's own words in a referral?\n"
        "What stops us inviting schools to strategy discussions?\n"
        "How would this child describe a day in their life?"
    ),
    "further_reading": (
        "Brackenmoor multi-agency child protection procedures, section 5.\n"
        "Working Together to Safeguard Children (2023), chapter 4.\n"
        "Partnership business unit: safeguarding.partnership@brackenmoor.example"
    ),
}

DRAFT = {
    "title": "Neglect: seeing the cumulative picture",
    "slug": "neglect-seeing-the-cumulative-picture",
    "summary": "Draft learning from the deep dive into neglect.",
    "background": "The subgroup's deep dive looked at eight families known to services for "
    "neglect over two years or more.",
    "why_it_matters": "Neglect harms children slowly; single incidents rarely look serious.",
    "what_we_found": "Chronologies were rare and agencies seldom shared their concerns early.",
}

# (organisation key, days after publication, method, staff reached, feedback)
CASCADES = (
    ("council", 14, CascadeMethod.TEAM_MEETING, 46, "Teams asked for a short template."),
    ("police", 21, CascadeMethod.BULLETIN, 120, "Shared in the public protection bulletin."),
    ("hospital", 28, CascadeMethod.SUPERVISION, 18, "Named nurses used the questions."),
    ("education", 35, CascadeMethod.TRAINING, 64, "Designated safeguarding leads' forum."),
)


def build(context: DemoContext) -> None:
    """Adds this area's demo records; running it twice changes nothing."""
    chair = context.cast["chair"]
    admin = context.cast["admin"]
    published_on = timezone.now() - timedelta(days=60)
    published, _ = LearningBriefing.objects.get_or_create(
        slug=PUBLISHED["slug"],
        defaults={
            **PUBLISHED,
            "status": BriefingStatus.PUBLISHED,
            "created_by": admin,
            "approved_by": chair,
            "approved_at": published_on - timedelta(days=3),
            "published_at": published_on,
        },
    )
    draft, _ = LearningBriefing.objects.get_or_create(
        slug=DRAFT["slug"], defaults={**DRAFT, "created_by": admin}
    )
    leads = {"council": "lead_council", "police": "lead_police", "hospital": "lead_hospital"}
    start: date = published_on.date()
    for key, days, method, staff, feedback in CASCADES:
        organisation = context.organisations[key]
        if Dissemination.objects.filter(briefing=published, organisation=organisation).exists():
            continue
        Dissemination.objects.create(
            briefing=published,
            organisation=organisation,
            cascaded_on=start + timedelta(days=days),
            method=method,
            staff_reached=staff,
            feedback=feedback,
            recorded_by=context.cast[leads.get(key, "admin")],
        )
    context.made["briefings"] = [published, draft]
