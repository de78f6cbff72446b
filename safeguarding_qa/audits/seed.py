"""The standard question bank and grading scales, seeded by migration and by
``manage.py seed_question_bank`` (idempotent: existing codes are left as they are)."""

from __future__ import annotations

from typing import Any

STANDARD = "Standard multi-agency"
ALL = ""

# (code, theme set, answer type, text, guidance, tags, sectors)
QUESTIONS: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    (
        "info-sharing",
        STANDARD,
        "graded",
        "Information was shared and communicated between agencies in a timely way",
        "Look for referrals, requests for information and feedback loops; note delays.",
        "information sharing, communication",
        ALL,
    ),
    (
        "voice-of-child",
        STANDARD,
        "graded",
        "The voice and daily lived experience of the child were sought and recorded",
        "Was the child seen, seen alone and listened to? Is their day-to-day life described?",
        "voice of the child, lived experience",
        ALL,
    ),
    (
        "men-fathers",
        STANDARD,
        "yes_no",
        "Men and fathers in the family were identified, considered and engaged",
        "Include birth fathers, step-parents and partners living in or visiting the home.",
        "fathers, hidden men",
        ALL,
    ),
    (
        "strategy-discussion",
        STANDARD,
        "yes_no",
        "Strategy discussions were held, attended by the right agencies, with sound decisions",
        "Check timeliness, attendance (police, health, children's social care) and outcome.",
        "strategy discussion, section 47",
        "childrens_social_care,police,acute_health,community_health",
    ),
    (
        "conference-invites",
        STANDARD,
        "yes_no",
        "The right professionals were invited to conferences and provided reports",
        "Were reports shared with the family before the conference?",
        "child protection conference",
        ALL,
    ),
    (
        "multi-agency-plan",
        STANDARD,
        "graded",
        "There was a clear multi-agency plan known to all involved",
        "Is the plan SMART, and do all agencies know their part in it?",
        "planning",
        ALL,
    ),
    (
        "contingency",
        STANDARD,
        "yes_no",
        "Contingency planning was in place",
        "What would happen if the plan did not work or circumstances changed?",
        "planning, contingency",
        ALL,
    ),
    (
        "management-oversight",
        STANDARD,
        "graded",
        "Management oversight and supervision were evident and effective",
        "Look for recorded supervision, challenge and decision-making by managers.",
        "management oversight, supervision",
        ALL,
    ),
    (
        "risk-before-closure",
        STANDARD,
        "yes_no",
        "Risk was assessed and shared before the case was closed or stepped down",
        "Were all agencies told of the closure and the reasons for it?",
        "closure, step down",
        ALL,
    ),
    (
        "impact-outcomes",
        STANDARD,
        "graded",
        "Agencies' work made a positive difference to the child's outcomes",
        "Describe what changed for the child; avoid describing only process.",
        "impact, outcomes",
        ALL,
    ),
    (
        "neglect-tool",
        "Neglect",
        "yes_no",
        "A recognised neglect assessment tool was used to evidence the impact of neglect",
        "For example the Graded Care Profile 2.",
        "neglect",
        ALL,
    ),
    (
        "neglect-drift",
        "Neglect",
        "graded",
        "Drift and delay were avoided and cumulative harm was recognised",
        "Look at chronologies and repeat referrals.",
        "neglect, drift",
        ALL,
    ),
    (
        "cse-screening",
        "Child sexual exploitation",
        "yes_no",
        "Exploitation risk was screened and reviewed with a recognised tool",
        "Include missing episodes and return home interviews.",
        "exploitation, missing",
        ALL,
    ),
    (
        "cse-disruption",
        "Child sexual exploitation",
        "graded",
        "Disruption activity against perpetrators and locations was considered",
        "Police, licensing, housing and community safety activity.",
        "exploitation, disruption",
        "police,housing,childrens_social_care",
    ),
    (
        "da-risk",
        "Domestic abuse",
        "yes_no",
        "Domestic abuse risk was assessed (for example DASH) and referred to MARAC where needed",
        "",
        "domestic abuse, MARAC",
        ALL,
    ),
    (
        "da-child-impact",
        "Domestic abuse",
        "graded",
        "The impact of domestic abuse on the child, as a victim in their own right, was considered",
        "",
        "domestic abuse, voice of the child",
        ALL,
    ),
    (
        "cin-plan",
        "Child-in-need plans",
        "graded",
        "The child-in-need plan was reviewed regularly with the family and partner agencies",
        "",
        "child in need, planning",
        ALL,
    ),
    (
        "prebirth-timely",
        "Pre-birth assessments",
        "yes_no",
        "The pre-birth assessment started early enough in pregnancy to plan for the baby's safety",
        "Midwifery notification, timing of assessment, discharge planning.",
        "pre-birth, unborn",
        "childrens_social_care,acute_health,community_health,primary_care",
    ),
    (
        "disability-communication",
        "Children with disabilities",
        "graded",
        "The child's communication needs were understood and their views obtained accordingly",
        "",
        "disability, communication",
        ALL,
    ),
    (
        "fii-recognition",
        "Fabricated or induced illness",
        "yes_no",
        "Concerns of fabricated or induced illness were recognised and national guidance followed",
        "Perplexing presentations, a responsible paediatrician, health chronology.",
        "FII, perplexing presentations",
        "acute_health,community_health,primary_care",
    ),
    (
        "private-fostering",
        "Private fostering",
        "yes_no",
        "A private fostering arrangement was identified, notified and assessed",
        "",
        "private fostering",
        ALL,
    ),
    (
        "long-open-purpose",
        "Long-term open cases",
        "graded",
        "The purpose of continued involvement was clear and regularly reviewed",
        "",
        "long-term, drift",
        ALL,
    ),
    (
        "review-conference",
        "Review conferences",
        "yes_no",
        "Review conferences were held on time and progress against the plan was measured",
        "",
        "review conference, timeliness",
        ALL,
    ),
    (
        "learning-note",
        STANDARD,
        "text",
        "Any other learning for the partnership",
        "Anything the aims above do not cover.",
        "learning",
        ALL,
    ),
)

SCALES: tuple[tuple[str, str, tuple[tuple[str, bool], ...]], ...] = (
    (
        "Ofsted four-point",
        "Outstanding, good, requires improvement, inadequate.",
        (
            ("Outstanding", False),
            ("Good", False),
            ("Requires improvement", True),
            ("Inadequate", True),
        ),
    ),
    (
        "Yes, partly, no, not applicable",
        "For yes-or-no aims.",
        (("Yes", False), ("Partly", False), ("No", True), ("Not applicable", False)),
    ),
)


def seed_question_bank(question_model: Any, scale_model: Any, grade_model: Any) -> int:
    """Add missing standard questions and scales; return how many rows were added."""
    added = 0
    for code, theme, answer, text, guidance, tags, sectors in QUESTIONS:
        _, created = question_model.objects.get_or_create(
            code=code,
            defaults={
                "theme_set": theme,
                "answer_type": answer,
                "text": text,
                "guidance": guidance,
                "tags": tags,
                "sectors": sectors,
            },
        )
        added += int(created)
    for name, description, grades in SCALES:
        scale, created = scale_model.objects.get_or_create(
            name=name, defaults={"description": description, "is_standard": True}
        )
        added += int(created)
        if created:
            for rank, (label, needs_evidence) in enumerate(grades, start=1):
                grade_model.objects.create(
                    scale=scale, rank=rank, label=label, needs_evidence=needs_evidence
                )
    return added
