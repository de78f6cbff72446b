"""Demo data for practice reviews, built idempotently.

Reviews of every kind, and two serious incidents: Child R met every statutory deadline
and has a local review under way; Child T was notified late and is in its rapid review,
with one agency's information overdue. Dates follow today's date so deadlines stay live.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from safeguarding_qa.demo.context import DemoContext

from .choices import MilestoneKind, RapidReviewDecision, ReviewKind
from .models import InformationRequest, Milestone, PracticeReview, SeriousIncident
from .workingdays import add_working_days

_REVIEWS: tuple[tuple[str, str, date | None, date | None, str, str], ...] = (
    (
        "Child C",
        ReviewKind.SERIOUS_CASE_REVIEW,
        date(2018, 6, 4),
        date(2019, 5, 20),
        "neglect, professional curiosity, voice of the child",
        "A serious case review of chronic neglect of a primary-school child; learning on "
        "professional curiosity and hearing the child's voice.",
    ),
    (
        "Family D",
        ReviewKind.LCSPR,
        date(2023, 9, 11),
        date(2024, 7, 1),
        "domestic abuse, information sharing",
        "A local review of three siblings living with domestic abuse; learning on "
        "information sharing between police and health.",
    ),
    (
        "Baby E",
        ReviewKind.RAPID_REVIEW,
        date(2025, 2, 3),
        None,
        "safer sleep, pre-birth assessment",
        "A rapid review of a sudden unexpected infant death; no further review, learning "
        "taken forward through a safer sleep campaign.",
    ),
    (
        "Baby R",
        ReviewKind.RAPID_REVIEW,
        date(2025, 1, 13),
        None,
        "non-mobile babies, physical abuse, safer sleep",
        "A rapid review of bruising to a four-month-old baby; learning on the bruising "
        "protocol and safe sleep advice to both parents. Its recommendations are tracked in "
        "the register.",
    ),
    (
        "Fellshire Child F",
        ReviewKind.OTHER_PARTNERSHIP,
        None,
        date(2024, 11, 18),
        "exploitation, transitions",
        "A neighbouring partnership's review of criminal exploitation of a teenager placed "
        "in Brackenmoor.",
    ),
    (
        "It was hard to escape",
        ReviewKind.NATIONAL_PANEL,
        None,
        date(2020, 3, 5),
        "exploitation",
        "The national panel's review of criminal exploitation of children.",
    ),
    (
        "JTAI: response to children living with domestic abuse",
        ReviewKind.INSPECTION,
        None,
        date(2025, 6, 30),
        "domestic abuse, front door",
        "Joint targeted area inspection of the multi-agency response at the front door.",
    ),
)


def _reviews() -> list[PracticeReview]:
    made = []
    for name, kind, notified, published, themes, summary in _REVIEWS:
        review, _ = PracticeReview.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "notified_on": notified,
                "published_on": published,
                "themes": themes,
                "summary": summary,
            },
        )
        made.append(review)
    return made


def _child_r(context: DemoContext, today: date) -> SeriousIncident:
    """Met every deadline; LCSPR commissioned with milestones under way."""
    aware = today - timedelta(days=120)
    notified = add_working_days(aware, 3)
    meeting = add_working_days(aware, 12)
    sent = add_working_days(aware, 14)
    incident, created = SeriousIncident.objects.get_or_create(
        reference="Child R",
        defaults={
            "aware_on": aware,
            "death_or_serious_harm": True,
            "abuse_or_neglect": True,
            "summary": "A nine-year-old admitted to hospital with injuries consistent with "
            "physical abuse; known to early help.",
            "notified_on": notified,
            "notified_by": context.cast["admin"],
            "meeting_on": meeting,
            "attendance": "Chair (ICB), QA lead (council), police, hospital, early help.",
            "discussion": "Agencies' chronologies showed missed opportunities at school "
            "nurse contacts and a closed early help episode.",
            "learning": "Step-down from children's social care to early help.",
            "decision": RapidReviewDecision.LCSPR,
            "decision_rationale": "The case raises issues of importance to the partnership "
            "about step-down and professional curiosity.",
            "decided_on": meeting,
            "sent_to_panel_on": sent,
            "panel_response_on": sent + timedelta(days=21),
            "panel_response": "The panel agrees with the decision to hold a local review.",
        },
    )
    if created:
        incident.agencies.set(
            [context.organisations[k] for k in ("council", "police", "hospital", "early_help")]
        )
        review = PracticeReview.objects.create(
            name="Child R",
            kind=ReviewKind.LCSPR,
            notified_on=notified,
            rapid_review_on=meeting,
            themes="physical abuse, step-down, professional curiosity",
            summary="Local review commissioned after the rapid review of Child R.",
            terms_of_reference="How agencies identified and responded to signs of physical "
            "abuse, and how step-down to early help was planned.",
            reviewer="An independent reviewer (synthetic)",
            commissioned_on=meeting + timedelta(days=14),
        )
        incident.practice_review = review
        incident.save(update_fields=["practice_review", "updated_at"])
        start = meeting + timedelta(days=14)
        for offset, kind, done in (
            (30, MilestoneKind.PRACTITIONER_EVENTS, True),
            (45, MilestoneKind.FAMILY_INVOLVEMENT, True),
            (90, MilestoneKind.DRAFT, False),
            (120, MilestoneKind.FACTUAL_ACCURACY, False),
            (150, MilestoneKind.SIGN_OFF, False),
            (170, MilestoneKind.PUBLICATION, False),
        ):
            due = start + timedelta(days=offset)
            Milestone.objects.create(
                review=review, kind=kind, due_on=due, completed_on=due if done else None
            )
    return incident


def _child_t(context: DemoContext, today: date) -> SeriousIncident:
    """Notified late; in its rapid review; one agency's information overdue."""
    aware = today - timedelta(days=14)
    incident, created = SeriousIncident.objects.get_or_create(
        reference="Child T",
        defaults={
            "aware_on": aware,
            "death_or_serious_harm": True,
            "abuse_or_neglect": True,
            "summary": "A teenager seriously harmed in a knife attack; suspected criminal "
            "exploitation.",
            "notified_on": add_working_days(aware, 7),
            "notified_by": context.cast["admin"],
        },
    )
    if created:
        agencies = ("council", "police", "education")
        incident.agencies.set([context.organisations[k] for k in agencies])
        due = add_working_days(aware, 5)
        returned: dict[str, Any] = {"council": "lead_council", "police": "lead_police"}
        for key in agencies:
            lead = returned.get(key)
            submitted = (
                timezone.make_aware(datetime.combine(due - timedelta(days=1), time(15)))
                if lead
                else None
            )
            InformationRequest.objects.create(
                incident=incident,
                organisation=context.organisations[key],
                due_on=due,
                chronology="Synthetic chronology of involvement." if lead else "",
                analysis="Synthetic analysis." if lead else "",
                submitted_at=submitted,
                submitted_by=context.cast[lead] if lead else None,
            )
    return incident


def build(context: DemoContext) -> None:
    """Adds this area's demo records; running it twice changes nothing."""
    today = timezone.localdate()
    reviews = _reviews()
    incidents = [_child_r(context, today), _child_t(context, today)]
    context.made["practice_reviews"] = reviews + [
        i.practice_review for i in incidents if i.practice_review
    ]
    context.made["serious_incidents"] = incidents
