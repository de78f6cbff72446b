"""Builds the demo partnership idempotently: running it twice changes nothing."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.module_loading import import_string

from safeguarding_qa.access.roles import Role
from safeguarding_qa.accounts.models import User
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.partnership.choices import GroupKind, GroupRole, MeetingFrequency
from safeguarding_qa.partnership.models import Group, Membership, Organisation, Partnership

from .context import DemoContext
from .events import DEMO_SEEDED
from .personas import (
    DEMO_PASSWORD,
    EMAIL_DOMAIN,
    ORGANISATIONS,
    PARTNERSHIP_NAME,
    PARTNERSHIP_SHORT_NAME,
    PERSONAS,
)

_FIRST = (
    "Alys",
    "Bram",
    "Cerys",
    "Dorian",
    "Elspeth",
    "Fenwick",
    "Greer",
    "Hollis",
    "Ione",
    "Jory",
    "Kerensa",
    "Lowen",
    "Merryn",
    "Nye",
    "Oriel",
    "Piran",
    "Quilla",
    "Rowan",
    "Senara",
    "Tamsin",
    "Ulric",
    "Veryan",
    "Wenna",
    "Yestin",
    "Zennor",
    "Ebrel",
)
_LAST = (
    "Annear",
    "Bosanko",
    "Chegwidden",
    "Dunstan",
    "Eddy",
    "Faull",
    "Gilbart",
    "Hocking",
    "Jelbert",
    "Kitto",
    "Liddicoat",
    "Mitchell-Rowe",
    "Nankervis",
    "Oates",
    "Pascoe",
    "Quick",
    "Rodda",
    "Scobell",
    "Tregenza",
    "Uren",
    "Vosper",
    "Warne",
    "Yelland",
    "Zeal",
)
_TITLES = {
    Role.AGENCY_AUDITOR: ("Senior practitioner", "Safeguarding adviser", "Team manager"),
    Role.AGENCY_LEAD: ("Head of safeguarding", "Designated safeguarding lead"),
    Role.VIEWER: ("Service manager", "Assistant director"),
}


@dataclass
class DemoSummary:
    organisations: int = 0
    people: int = 0
    groups: int = 0
    memberships: int = 0
    created: list[str] = field(default_factory=list)


def ensure_partnership() -> Partnership:
    partnership, _ = Partnership.objects.get_or_create(
        pk=1,
        defaults={
            "name": PARTNERSHIP_NAME,
            "short_name": PARTNERSHIP_SHORT_NAME,
            "local_authority_areas": "Brackenmoor",
            "live_concern_contacts": f"designated.lead@{EMAIL_DOMAIN}\nmash@{EMAIL_DOMAIN}",
        },
    )
    return partnership


def ensure_organisations() -> dict[str, Organisation]:
    organisations = {}
    for spec in ORGANISATIONS:
        organisations[spec.key], _ = Organisation.objects.get_or_create(
            name=spec.name,
            defaults={
                "short_name": spec.short_name,
                "sector": spec.sector,
                "is_statutory_partner": spec.statutory,
            },
        )
    return organisations


def _ensure_person(
    *, email: str, full_name: str, job_title: str, organisation: Organisation, role: str
) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email,
            DEMO_PASSWORD,
            full_name=full_name,
            job_title=job_title,
            organisation=organisation,
            role=role,
        )
    return user


def ensure_personas(organisations: dict[str, Organisation]) -> dict[str, User]:
    """The fixed cast that tests and the demo share, keyed by persona key."""
    return {
        persona.key: _ensure_person(
            email=persona.email,
            full_name=persona.full_name,
            job_title=persona.job_title,
            organisation=organisations[persona.organisation_key],
            role=persona.role,
        )
        for persona in PERSONAS
    }


def ensure_colleagues(organisations: dict[str, Organisation], count: int = 28) -> list[User]:
    """Further people across the organisations, the same ones on every run (fixed seed)."""
    rng = random.Random(20261122)  # noqa: S311  (demo names, not security)
    roles = [Role.AGENCY_AUDITOR] * 3 + [Role.AGENCY_LEAD, Role.VIEWER]
    keys = [spec.key for spec in ORGANISATIONS if spec.key != "independent"]
    people = []
    for number in range(count):
        first, last = _FIRST[number % len(_FIRST)], rng.choice(_LAST)
        role = rng.choice(roles)
        organisation = organisations[keys[number % len(keys)]]
        people.append(
            _ensure_person(
                email=f"{first}.{last}.{number}@{EMAIL_DOMAIN}".lower(),
                full_name=f"{first} {last}",
                job_title=rng.choice(_TITLES[role]),
                organisation=organisation,
                role=role,
            )
        )
    return people


def _ensure_group(name: str, kind: str, frequency: str, purpose: str) -> Group:
    group, _ = Group.objects.get_or_create(
        name=name, defaults={"kind": kind, "meeting_frequency": frequency, "purpose": purpose}
    )
    return group


def _ensure_membership(
    group: Group,
    person: User,
    role: str,
    started_on: date,
    ended_on: date | None = None,
    end_reason: str = "",
) -> None:
    Membership.objects.get_or_create(
        group=group,
        person=person,
        started_on=started_on,
        defaults={"role": role, "ended_on": ended_on, "end_reason": end_reason},
    )


def ensure_groups(cast: dict[str, User], colleagues: list[User]) -> list[Group]:
    """The QA subgroup (with two membership reviews in its history), steering and review groups."""
    qa = _ensure_group(
        "Quality Assurance Subgroup",
        GroupKind.QA_SUBGROUP,
        MeetingFrequency.BI_MONTHLY,
        "Monitors and evaluates the effectiveness of what partners do, individually and "
        "together, to safeguard children, and advises them on ways to improve.",
    )
    steering = _ensure_group(
        "Partnership Steering Group",
        GroupKind.STEERING_GROUP,
        MeetingFrequency.QUARTERLY,
        "The statutory partners' executive group; receives audit reports and the annual report.",
    )
    review = _ensure_group(
        "Practice Review Group",
        GroupKind.PRACTICE_REVIEW_GROUP,
        MeetingFrequency.AS_REQUIRED,
        "Considers serious incidents, holds rapid reviews and commissions local reviews.",
    )
    founded = date(2023, 4, 1)
    _ensure_membership(qa, cast["chair"], GroupRole.CHAIR, founded)
    _ensure_membership(qa, cast["qa_lead"], GroupRole.VICE_CHAIR, founded)
    for key in ("lead_council", "lead_police", "lead_hospital"):
        _ensure_membership(qa, cast[key], GroupRole.MEMBER, founded)
    _ensure_membership(qa, cast["admin"], GroupRole.BUSINESS_SUPPORT, founded)
    # The first membership review (autumn 2024) brought in education and a lay member...
    _ensure_membership(qa, cast["lay_member"], GroupRole.LAY_MEMBER, date(2024, 10, 1))
    _ensure_membership(qa, colleagues[1], GroupRole.MEMBER, date(2024, 10, 1))
    # ...and the second (spring 2025) replaced a member who moved on.
    _ensure_membership(
        qa,
        colleagues[0],
        GroupRole.MEMBER,
        founded,
        date(2025, 3, 31),
        "Left the organisation; replaced at the membership review.",
    )
    _ensure_membership(qa, colleagues[5], GroupRole.MEMBER, date(2025, 4, 1))
    _ensure_membership(qa, cast["scrutineer"], GroupRole.ADVISER, founded)
    for key in ("chair", "lead_council", "lead_police", "viewer", "viewer_police"):
        _ensure_membership(steering, cast[key], GroupRole.MEMBER, founded)
    _ensure_membership(steering, cast["admin"], GroupRole.BUSINESS_SUPPORT, founded)
    for key in ("chair", "qa_lead", "lead_police", "lead_hospital"):
        _ensure_membership(review, cast[key], GroupRole.MEMBER, founded)
    return [qa, steering, review]


# Each area adds its demo records after the people exist, in dependency order.
AREA_BUILDERS = (
    "safeguarding_qa.indicators.demo.build",
    "safeguarding_qa.casedata.demo.build",
    "safeguarding_qa.audits.demo.build",
    "safeguarding_qa.reviews.demo.build",
    "safeguarding_qa.recommendations.demo.build",
    "safeguarding_qa.selfassessment.demo.build",
    "safeguarding_qa.programme.demo.build",
    "safeguarding_qa.meetings.demo.build",
    "safeguarding_qa.learning.demo.build",
    "safeguarding_qa.reports.demo.build",
)


@transaction.atomic
def build_demo() -> DemoSummary:
    """The whole demo partnership; safe to run again (it only adds what is missing)."""
    before = User.objects.count()
    ensure_partnership()
    organisations = ensure_organisations()
    cast = ensure_personas(organisations)
    colleagues = ensure_colleagues(organisations)
    groups = ensure_groups(cast, colleagues)
    context = DemoContext(
        organisations=organisations, cast=cast, colleagues=colleagues, groups=groups
    )
    for dotted in AREA_BUILDERS:
        import_string(dotted)(context)
    summary = DemoSummary(
        organisations=Organisation.objects.count(),
        people=User.objects.count(),
        groups=len(groups),
        memberships=Membership.objects.count(),
    )
    if summary.people != before:
        record_event(
            kind=DEMO_SEEDED,
            description=PARTNERSHIP_NAME,
            data={"organisations": summary.organisations, "people": summary.people},
        )
    return summary
