"""The fictional Brackenmoor partnership: its organisations and a fixed cast of personas.

Shared by the demo (``seed_demo``) and the tests, so that what a tester tries by hand is
what the suite checks. Every name and place is invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from safeguarding_qa.access.roles import Role
from safeguarding_qa.partnership.choices import Sector

PARTNERSHIP_NAME = "Brackenmoor Safeguarding Children Partnership"
PARTNERSHIP_SHORT_NAME = "BSCP"
DEMO_PASSWORD = "Brackenmoor-demo-2026"  # noqa: S105  (synthetic demo accounts only)
EMAIL_DOMAIN = "brackenmoor.example"


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    name: str
    short_name: str
    sector: str
    statutory: bool = False


ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        "council",
        "Brackenmoor Council Children's Services",
        "BCCS",
        Sector.CHILDRENS_SOCIAL_CARE,
        True,
    ),
    OrganisationSpec(
        "education", "Brackenmoor Council Education and Inclusion", "BCEI", Sector.EDUCATION
    ),
    OrganisationSpec("police", "Fellshire Constabulary", "FC", Sector.POLICE, True),
    OrganisationSpec(
        "icb",
        "Fellshire and Brackenmoor Integrated Care Board",
        "FBICB",
        Sector.INTEGRATED_CARE_BOARD,
        True,
    ),
    OrganisationSpec("hospital", "Brackenmoor Hospitals NHS Trust", "BHT", Sector.ACUTE_HEALTH),
    OrganisationSpec(
        "community", "Brackenmoor Community Health Services", "BCHS", Sector.COMMUNITY_HEALTH
    ),
    OrganisationSpec(
        "mental_health", "Fellshire Mental Health Partnership", "FMHP", Sector.MENTAL_HEALTH
    ),
    OrganisationSpec("gp", "Brackenmoor GP Federation", "BGPF", Sector.PRIMARY_CARE),
    OrganisationSpec("probation", "Fellshire Probation Delivery Unit", "FPDU", Sector.PROBATION),
    OrganisationSpec("housing", "Brackenmoor Homes", "BH", Sector.HOUSING),
    OrganisationSpec("early_help", "Brackenmoor Early Help Service", "BEHS", Sector.EARLY_HELP),
    OrganisationSpec("voluntary", "Brackenmoor Family Support Network", "BFSN", Sector.VOLUNTARY),
    OrganisationSpec("independent", "Brackenmoor Independent Scrutiny", "BIS", Sector.INDEPENDENT),
)


@dataclass(frozen=True)
class Persona:
    key: str
    full_name: str
    job_title: str
    organisation_key: str
    role: str

    @property
    def email(self) -> str:
        return f"{self.key.replace('_', '.')}@{EMAIL_DOMAIN}"


# Every role in at least two organisations, so tests can compare own and other organisation.
PERSONAS: tuple[Persona, ...] = (
    Persona(
        "admin",
        "Morwenna Ashdale",
        "Partnership business manager",
        "council",
        Role.PARTNERSHIP_ADMIN,
    ),
    Persona(
        "admin_icb", "Tobias Quenby", "Partnership business officer", "icb", Role.PARTNERSHIP_ADMIN
    ),
    Persona(
        "chair", "Dr Imelda Varcoe", "Designated nurse, chair of the QA subgroup", "icb", Role.CHAIR
    ),
    Persona("qa_lead", "Rufus Penhallow", "Head of quality assurance", "council", Role.CHAIR),
    Persona(
        "lead_council",
        "Saffron Olawale",
        "Strategic safeguarding service manager",
        "council",
        Role.AGENCY_LEAD,
    ),
    Persona(
        "lead_police",
        "Gideon Trewartha",
        "Detective inspector, safeguarding",
        "police",
        Role.AGENCY_LEAD,
    ),
    Persona(
        "lead_hospital",
        "Niamh Carbery",
        "Named nurse for safeguarding",
        "hospital",
        Role.AGENCY_LEAD,
    ),
    Persona(
        "auditor_council", "Priya Velandra", "Practice manager", "council", Role.AGENCY_AUDITOR
    ),
    Persona(
        "auditor_police", "Callum Roskilly", "Detective sergeant", "police", Role.AGENCY_AUDITOR
    ),
    Persona(
        "auditor_hospital",
        "Elodie Marsh-Quint",
        "Safeguarding specialist nurse",
        "hospital",
        Role.AGENCY_AUDITOR,
    ),
    Persona(
        "scrutineer", "Bartholomew Kessel", "Independent scrutineer", "independent", Role.SCRUTINEER
    ),
    Persona("lay_member", "Harriet Polglase", "Lay member", "voluntary", Role.SCRUTINEER),
    Persona("viewer", "Ambrose Tollervey", "Steering group member", "council", Role.VIEWER),
    Persona(
        "viewer_police",
        "Delphine Arkwright",
        "Superintendent, public protection",
        "police",
        Role.VIEWER,
    ),
)

PERSONAS_BY_KEY = {persona.key: persona for persona in PERSONAS}
