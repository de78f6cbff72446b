"""Permission-matrix rows for the performance dashboard.

Everyone signed in reads the dashboard, exceptions, indicators, returns status and the
challenge log. Agency leads submit only their own organisation's returns (another
organisation's is a 404); administrators submit any. The council's auditor is named the
council's data contact here, so submits the council's returns (and gets a 404 for the
police's) but nothing else new. Only a lead names and removes their own organisation's
data contacts. Commentary: the QA subgroup's
(administrators, chairs) or the owning agency's lead. Challenges: raised by members and
scrutineers, answered by the organisation's lead, closed by partnership-wide members.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.indicators.choices import ChallengeStatus
from safeguarding_qa.indicators.models import Challenge, DataContact, Indicator
from safeguarding_qa.indicators.services.setup import indicators_seed, period_ensure, population_set

ADMINS = {"admin": 200, "admin_icb": 200}
OVERSIGHT = {**ADMINS, "chair": 200, "qa_lead": 200}
MEMBERS = {**OVERSIGHT, "lead_council": 200, "lead_police": 200, "lead_hospital": 200}
RAISERS = {**MEMBERS, "scrutineer": 200, "lay_member": 200}
OTHER_LEADS_404 = {"lead_police": 404, "lead_hospital": 404}
OTHER_ORGS_404 = {**OTHER_LEADS_404, "auditor_police": 404, "auditor_hospital": 404}


def _as(statuses: dict[str, int], status: int) -> dict[str, int]:
    return dict.fromkeys(statuses, status)


def build(world: World) -> None:
    """The catalogue, an open and a closed quarter, and challenges to the council."""
    indicators_seed()
    population_set(year=2025, count=80_000)
    world.objects["period"] = period_ensure(start=date(2025, 7, 1))
    closed = period_ensure(start=date(2025, 4, 1))
    closed.is_closed = True
    closed.save()
    world.objects["closed_period"] = closed
    indicator = Indicator.objects.get(code="ASSESSMENT_45WD")
    world.objects["indicator"] = indicator
    chair = world.personas["chair"]
    world.objects["challenge"] = Challenge.objects.create(
        indicator=indicator,
        period=world.objects["period"],
        organisation=indicator.organisation,
        question="Why did timeliness fall?",
        raised_by=chair,
    )
    world.objects["data_contact"] = DataContact.objects.create(
        organisation=world.organisations["council"],
        person=world.personas["auditor_council"],
        named_by=world.personas["lead_council"],
    )
    world.objects["closed_challenge"] = Challenge.objects.create(
        indicator=indicator,
        period=world.objects["period"],
        organisation=indicator.organisation,
        question="Old question",
        raised_by=chair,
        status=ChallengeStatus.CLOSED,
        closed_by=chair,
        closed_at=timezone.now(),
        closure_note="Answered at the meeting.",
    )


def _code(w: World) -> dict[str, Any]:
    return {"code": w.objects["indicator"].code}


def _challenge(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


def _return(period_key: str, organisation_key: str) -> Any:
    return lambda w: {
        "period": w.objects[period_key].pk,
        "organisation": w.organisations[organisation_key].pk,
    }


def _period_text(w: World) -> dict[str, Any]:
    return {"period": str(w.objects["period"].pk), "text": "Vacancies explain the dip."}


def _question(w: World) -> dict[str, Any]:
    return {"period": str(w.objects["period"].pk), "question": "What is the recovery plan?"}


def _return_data(w: World) -> dict[str, Any]:
    return {"ASSESSMENT_45WD-numerator": "80", "ASSESSMENT_45WD-denominator": "100"}


def _police_return_data(w: World) -> dict[str, Any]:
    return {
        "STRATEGY_POLICE_PRESENT-numerator": "8",
        "STRATEGY_POLICE_PRESENT-denominator": "10",
    }


EVERYONE = [
    RouteCheck("indicators:dashboard", expect(200)),
    RouteCheck("indicators:exceptions", expect(200)),
    RouteCheck("indicators:indicator-detail", expect(200), kwargs=_code),
    RouteCheck(
        "indicators:indicator-detail",
        expect(404),
        kwargs=lambda w: {"code": "NO_SUCH_CODE"},
        label="unknown",
    ),
    RouteCheck("indicators:returns", expect(200)),
    RouteCheck("indicators:challenge-list", expect(200)),
]

COMMENTARY = [
    RouteCheck(
        "indicators:commentary-add", expect(403, **OVERSIGHT, lead_council=200), kwargs=_code
    ),
    RouteCheck(
        "indicators:commentary-add",
        expect(403, **_as(OVERSIGHT, 302), lead_council=302),
        method="POST",
        kwargs=_code,
        data=_period_text,
    ),
]

CHALLENGES = [
    RouteCheck("indicators:challenge-raise", expect(403, **RAISERS), kwargs=_code),
    RouteCheck(
        "indicators:challenge-raise",
        expect(403, **_as(RAISERS, 302)),
        method="POST",
        kwargs=_code,
        data=_question,
    ),
    RouteCheck(
        "indicators:challenge-detail",
        expect(200, **OTHER_ORGS_404),
        kwargs=_challenge("challenge"),
    ),
    RouteCheck(
        "indicators:challenge-respond",
        expect(403, **ADMINS, lead_council=200, **OTHER_ORGS_404),
        kwargs=_challenge("challenge"),
    ),
    RouteCheck(
        "indicators:challenge-respond",
        expect(403, **_as(ADMINS, 302), lead_council=302, **OTHER_ORGS_404),
        method="POST",
        kwargs=_challenge("challenge"),
        data=lambda w: {"response": "A recovery plan is in place."},
    ),
    RouteCheck(
        "indicators:challenge-respond",
        expect(403, **OTHER_ORGS_404),
        kwargs=_challenge("closed_challenge"),
        label="closed",
    ),
    RouteCheck(
        "indicators:challenge-close",
        expect(403, **OVERSIGHT, scrutineer=200, lay_member=200, **OTHER_ORGS_404),
        kwargs=_challenge("challenge"),
    ),
    RouteCheck(
        "indicators:challenge-close",
        expect(403, **_as(OVERSIGHT, 302), scrutineer=302, lay_member=302, **OTHER_ORGS_404),
        method="POST",
        kwargs=_challenge("challenge"),
        data=lambda w: {"note": "Answered satisfactorily."},
    ),
]

# auditor_council is the council's data contact (see ``build``).
SUBMITTERS = {**ADMINS, "lead_council": 200, "auditor_council": 200, **OTHER_LEADS_404}

RETURNS = [
    RouteCheck(
        "indicators:return-edit", expect(403, **SUBMITTERS), kwargs=_return("period", "council")
    ),
    RouteCheck(
        "indicators:return-edit",
        expect(
            403,
            **ADMINS,
            lead_police=200,
            lead_council=404,
            lead_hospital=404,
            auditor_council=404,
        ),
        kwargs=_return("period", "police"),
        label="police",
    ),
    RouteCheck(
        "indicators:return-edit",
        expect(
            403,
            admin=302,
            admin_icb=302,
            lead_council=302,
            auditor_council=302,
            **OTHER_LEADS_404,
        ),
        method="POST",
        kwargs=_return("period", "council"),
        data=_return_data,
    ),
    RouteCheck(
        "indicators:return-edit",
        expect(
            403,
            **_as(ADMINS, 302),
            lead_police=302,
            lead_council=404,
            lead_hospital=404,
            auditor_council=404,
        ),
        method="POST",
        kwargs=_return("period", "police"),
        data=_police_return_data,
        label="police",
    ),
    RouteCheck(
        "indicators:return-edit",
        expect(403, **SUBMITTERS),
        method="POST",
        kwargs=_return("closed_period", "council"),
        data=_return_data,
        label="closed",
    ),
    RouteCheck(
        "indicators:return-edit",
        expect(403, **_as(SUBMITTERS, 404)),
        kwargs=lambda w: {"period": 999_999, "organisation": w.organisations["council"].pk},
        label="unknown-period",
    ),
    RouteCheck(
        "indicators:return-template", expect(403, **SUBMITTERS), kwargs=_return("period", "council")
    ),
    RouteCheck(
        "indicators:return-upload", expect(403, **SUBMITTERS), kwargs=_return("period", "council")
    ),
    RouteCheck(
        "indicators:return-upload",
        expect(403, **SUBMITTERS),
        method="POST",
        kwargs=_return("period", "council"),
    ),
]

CATALOGUE = [
    RouteCheck("indicators:indicator-edit", expect(403, **ADMINS), kwargs=_code),
    RouteCheck(
        "indicators:indicator-edit",
        expect(403, admin=302, admin_icb=302),
        method="POST",
        kwargs=_code,
        data=lambda w: {
            "target": "90",
            "tolerance": "4",
            "organisation": w.organisations["council"].pk,
            "is_active": "on",
        },
    ),
    RouteCheck(
        "indicators:indicator-edit",
        expect(403, admin=404, admin_icb=404),
        kwargs=lambda w: {"code": "NO_SUCH_CODE"},
        label="unknown",
    ),
]

QUARTERS = [
    RouteCheck("indicators:period-list", expect(403, **ADMINS)),
    RouteCheck(
        "indicators:period-list",
        expect(403, admin=302, admin_icb=302),
        method="POST",
        data=lambda w: {"start_day": "1", "start_month": "10", "start_year": "2025"},
    ),
    RouteCheck(
        "indicators:period-toggle",
        expect(403, **ADMINS),
        kwargs=lambda w: {"pk": w.objects["period"].pk},
    ),
    RouteCheck(
        "indicators:period-toggle",
        expect(403, admin=302, admin_icb=302),
        method="POST",
        kwargs=lambda w: {"pk": w.objects["period"].pk},
    ),
]

CONTACT_MANAGERS = {"lead_council": 200, **OTHER_LEADS_404}


def _contacts_of(organisation_key: str) -> Any:
    return lambda w: {"organisation": w.organisations[organisation_key].pk}


def _person(persona_key: str) -> Any:
    return lambda w: {"person": w.personas[persona_key].pk}


DATA_CONTACTS = [
    RouteCheck(
        "indicators:data-contacts", expect(403, **CONTACT_MANAGERS), kwargs=_contacts_of("council")
    ),
    RouteCheck(
        "indicators:data-contacts",
        expect(403, lead_police=200, lead_council=404, lead_hospital=404),
        kwargs=_contacts_of("police"),
        label="police",
    ),
    RouteCheck(
        "indicators:data-contacts",
        expect(403, lead_council=302, **OTHER_LEADS_404),
        method="POST",
        kwargs=_contacts_of("council"),
        data=_person("viewer"),
    ),
    RouteCheck(
        "indicators:data-contacts",
        expect(403, **CONTACT_MANAGERS),
        method="POST",
        kwargs=_contacts_of("council"),
        data=_person("auditor_police"),
        label="other-organisation-person",
    ),
    RouteCheck(
        "indicators:data-contact-remove",
        expect(403, **CONTACT_MANAGERS),
        kwargs=lambda w: {"pk": w.objects["data_contact"].pk},
    ),
    RouteCheck(
        "indicators:data-contact-remove",
        expect(403, lead_council=302, **OTHER_LEADS_404),
        method="POST",
        kwargs=lambda w: {"pk": w.objects["data_contact"].pk},
    ),
]

ROUTES: list[RouteCheck] = (
    EVERYONE + COMMENTARY + CHALLENGES + RETURNS + DATA_CONTACTS + CATALOGUE + QUARTERS
)
