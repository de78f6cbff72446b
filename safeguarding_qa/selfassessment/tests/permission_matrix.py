"""Permission-matrix rows for self-assessment.

Members of the subgroup (administrators, chairs, agency leads, scrutineers) see rounds, the
heat-map and the collation; auditors and viewers do not (404 on objects, 403 on lists).
Returns are read partnership-wide by roles with partnership reach and by agency leads only
for their own organisation. Only the organisation itself completes its return (the council
administrator counts for the council); the chair and administrators moderate; the agency
lead responds to a challenge; administrators open, remind and close rounds.
"""

from __future__ import annotations

from typing import Any

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.selfassessment.choices import RoundStatus
from safeguarding_qa.selfassessment.models import Framework, SelfAssessment
from safeguarding_qa.selfassessment.seeds import SECTION_175_CODE
from safeguarding_qa.selfassessment.tests.factories import challenge, fill, make_round

UNKNOWN = 999_999
MEMBERS = {
    "admin": 200,
    "admin_icb": 200,
    "chair": 200,
    "qa_lead": 200,
    "lead_council": 200,
    "lead_police": 200,
    "lead_hospital": 200,
    "scrutineer": 200,
    "lay_member": 200,
    "viewer": 403,
    "viewer_police": 403,
}
# Inside the scope but refused: 403; outside it: 404 (the default of these rows).
IN_SCOPE_REFUSED = {
    "admin": 403,
    "admin_icb": 403,
    "chair": 403,
    "qa_lead": 403,
    "scrutineer": 403,
    "lay_member": 403,
}


def build(world: World) -> None:
    """An open Section 11 round (council in progress, police challenged, hospital waiting
    for moderation), a closed earlier round, and a quiet open Section 175 round."""
    orgs = world.organisations
    lead = world.personas
    previous = make_round(
        organisations=[orgs["council"], orgs["police"]], year=2024, status=RoundStatus.CLOSED
    )
    current = make_round(
        organisations=[orgs["council"], orgs["police"], orgs["hospital"]], previous=previous
    )
    returns = {sa.organisation_id: sa for sa in SelfAssessment.objects.filter(round=current)}
    council = returns[orgs["council"].pk]
    police = returns[orgs["police"].pk]
    hospital = returns[orgs["hospital"].pk]
    fill(council, "green")
    fill(police, "amber", submit=True, by=lead["lead_police"])
    fill(hospital, "red", submit=True, by=lead["lead_hospital"])
    challenge(police.answers.earliest("pk"))
    hospital.answers.filter(pk=hospital.answers.earliest("pk").pk).update(
        planned_actions="Train ward staff in the escalation policy."
    )
    quiet = make_round(
        organisations=[orgs["education"]],
        framework=Framework.objects.get(code=SECTION_175_CODE),
    )
    world.objects.update(
        sa_round=current,
        sa_closed_round=previous,
        sa_quiet_round=quiet,
        sa_council=council,
        sa_police=police,
        sa_council_answer=council.answers.earliest("pk"),
        sa_police_answer=police.answers.earliest("pk"),
        sa_hospital_answer=hospital.answers.earliest("pk"),
        sa_standard=current.framework.standards.first(),
    )


def _pk(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


def _answer(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].self_assessment_id, "answer_pk": w.objects[key].pk}


def _round_data(w: World) -> dict[str, Any]:
    return {
        "framework": Framework.objects.get(code=SECTION_175_CODE).pk,
        "year": "2026",
        "opens_on_day": "1",
        "opens_on_month": "4",
        "opens_on_year": "2026",
        "due_on_day": "30",
        "due_on_month": "6",
        "due_on_year": "2026",
        "organisations": [w.organisations["education"].pk],
        "carry_forward": "on",
    }


def _answer_data(w: World) -> dict[str, Any]:
    return {"self_rating": "amber", "evidence": "Policy reviewed in May.", "planned_actions": ""}


ADMINS = {"admin": 200, "admin_icb": 200}
ADMINS_WRITE = {"admin": 302, "admin_icb": 302}
COMPLETE = {**IN_SCOPE_REFUSED, "admin": 200, "lead_council": 200}
COMPLETE_WRITE = {**IN_SCOPE_REFUSED, "admin": 302, "lead_council": 302}
MODERATE = {**IN_SCOPE_REFUSED, "admin": 200, "admin_icb": 200, "chair": 200, "qa_lead": 200}
RESPOND = {**IN_SCOPE_REFUSED, "lead_police": 200}
ROUND_REFUSED = {**MEMBERS, "viewer": 404, "viewer_police": 404}
MANAGE_ONLY = {key: 403 for key, status in ROUND_REFUSED.items() if status == 200}

_ROUND_ROUTES = [
    RouteCheck("selfassessment:round-list", expect(403, **MEMBERS)),
    RouteCheck(
        "selfassessment:framework-detail",
        expect(404, **{k: v for k, v in MEMBERS.items() if v == 200}),
        kwargs=lambda w: {"pk": Framework.objects.get(code=SECTION_175_CODE).pk},
    ),
    RouteCheck(
        "selfassessment:framework-detail",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("selfassessment:round-create", expect(403, **ADMINS)),
    RouteCheck(
        "selfassessment:round-create",
        expect(403, **ADMINS_WRITE),
        method="POST",
        data=_round_data,
    ),
    RouteCheck(
        "selfassessment:round-detail",
        expect(404, **{k: v for k, v in MEMBERS.items() if v == 200}),
        kwargs=_pk("sa_round"),
    ),
    RouteCheck(
        "selfassessment:round-detail",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck(
        "selfassessment:round-heatmap",
        expect(404, **{k: v for k, v in MEMBERS.items() if v == 200}),
        kwargs=_pk("sa_round"),
    ),
    RouteCheck(
        "selfassessment:round-standard",
        expect(404, **{k: v for k, v in MEMBERS.items() if v == 200}),
        kwargs=lambda w: {
            "pk": w.objects["sa_round"].pk,
            "standard_pk": w.objects["sa_standard"].pk,
        },
    ),
    RouteCheck(
        "selfassessment:round-standard",
        expect(404),
        kwargs=lambda w: {
            "pk": w.objects["sa_quiet_round"].pk,
            "standard_pk": w.objects["sa_standard"].pk,
        },
        label="standard of another framework",
    ),
    RouteCheck(
        "selfassessment:round-export",
        expect(404, **{k: v for k, v in MEMBERS.items() if v == 200}),
        kwargs=_pk("sa_round"),
    ),
    RouteCheck(
        "selfassessment:round-remind",
        expect(404, **{**MANAGE_ONLY, **ADMINS}),
        kwargs=_pk("sa_round"),
    ),
    RouteCheck(
        "selfassessment:round-remind",
        expect(404, **{**MANAGE_ONLY, **ADMINS_WRITE}),
        method="POST",
        kwargs=_pk("sa_round"),
    ),
    RouteCheck(
        "selfassessment:round-remind",
        expect(404, **MANAGE_ONLY),
        kwargs=_pk("sa_closed_round"),
        label="closed",
    ),
    RouteCheck(
        "selfassessment:round-close",
        expect(404, **{**MANAGE_ONLY, **ADMINS}),
        kwargs=_pk("sa_round"),
    ),
    RouteCheck(
        "selfassessment:round-close",
        # Refused with an error page: a challenge is still waiting.
        expect(404, **{**MANAGE_ONLY, **ADMINS}),
        method="POST",
        kwargs=_pk("sa_round"),
        label="challenge open",
    ),
    RouteCheck(
        "selfassessment:round-close",
        expect(404, **{**MANAGE_ONLY, **ADMINS_WRITE}),
        method="POST",
        kwargs=_pk("sa_quiet_round"),
        label="quiet",
    ),
    RouteCheck(
        "selfassessment:round-close",
        expect(404, **MANAGE_ONLY),
        method="POST",
        kwargs=_pk("sa_closed_round"),
        label="closed",
    ),
]

_RETURN_ROUTES = [
    RouteCheck(
        "selfassessment:return-detail",
        expect(404, **{**dict.fromkeys(IN_SCOPE_REFUSED, 200), "lead_council": 200}),
        kwargs=_pk("sa_council"),
        label="council",
    ),
    RouteCheck(
        "selfassessment:return-detail",
        expect(404, **{**dict.fromkeys(IN_SCOPE_REFUSED, 200), "lead_police": 200}),
        kwargs=_pk("sa_police"),
        label="police",
    ),
    RouteCheck(
        "selfassessment:return-submit",
        expect(404, **COMPLETE),
        kwargs=_pk("sa_council"),
        label="council",
    ),
    RouteCheck(
        "selfassessment:return-submit",
        expect(404, **COMPLETE_WRITE),
        method="POST",
        kwargs=_pk("sa_council"),
        label="council",
    ),
    RouteCheck(
        "selfassessment:return-submit",
        expect(404, **IN_SCOPE_REFUSED, lead_police=403),
        method="POST",
        kwargs=_pk("sa_police"),
        label="already submitted",
    ),
    RouteCheck(
        "selfassessment:answer-edit",
        expect(404, **COMPLETE),
        kwargs=_answer("sa_council_answer"),
        label="council",
    ),
    RouteCheck(
        "selfassessment:answer-edit",
        expect(404, **COMPLETE_WRITE),
        method="POST",
        kwargs=_answer("sa_council_answer"),
        data=_answer_data,
        label="council",
    ),
    RouteCheck(
        "selfassessment:answer-edit",
        expect(404, **IN_SCOPE_REFUSED, lead_police=403),
        method="POST",
        kwargs=_answer("sa_police_answer"),
        data=_answer_data,
        label="submitted",
    ),
    RouteCheck(
        "selfassessment:answer-moderate",
        expect(404, **MODERATE, lead_hospital=403),
        kwargs=_answer("sa_hospital_answer"),
    ),
    RouteCheck(
        "selfassessment:answer-moderate",
        expect(
            404,
            **{**MODERATE, "admin": 302, "admin_icb": 302, "chair": 302, "qa_lead": 302},
            lead_hospital=403,
        ),
        method="POST",
        kwargs=_answer("sa_hospital_answer"),
        data=lambda w: {"decision": "challenge", "note": "Show the training figures."},
    ),
    RouteCheck(
        "selfassessment:answer-moderate",
        expect(404, **IN_SCOPE_REFUSED, lead_council=403),
        method="POST",
        kwargs=_answer("sa_council_answer"),
        data=lambda w: {"decision": "agree"},
        label="not submitted",
    ),
    RouteCheck(
        "selfassessment:answer-to-register",
        expect(404, **MODERATE, lead_hospital=403),
        kwargs=_answer("sa_hospital_answer"),
    ),
    RouteCheck(
        "selfassessment:answer-to-register",
        expect(
            404,
            **{**MODERATE, "admin": 302, "admin_icb": 302, "chair": 302, "qa_lead": 302},
            lead_hospital=403,
        ),
        method="POST",
        kwargs=_answer("sa_hospital_answer"),
        data=lambda w: {
            "description": "Train ward staff in the escalation policy.",
            "due_on_day": "31",
            "due_on_month": "3",
            "due_on_year": "2027",
            "priority": "high",
        },
    ),
    RouteCheck(
        "selfassessment:answer-to-register",
        expect(404, **IN_SCOPE_REFUSED, lead_council=403),
        method="POST",
        kwargs=_answer("sa_council_answer"),
        data=lambda w: {
            "description": "Nothing planned yet.",
            "due_on_day": "31",
            "due_on_month": "3",
            "due_on_year": "2027",
            "priority": "high",
        },
        label="not submitted",
    ),
    RouteCheck(
        "selfassessment:answer-respond",
        expect(404, **RESPOND),
        kwargs=_answer("sa_police_answer"),
    ),
    RouteCheck(
        "selfassessment:answer-respond",
        expect(404, **IN_SCOPE_REFUSED, lead_police=302),
        method="POST",
        kwargs=_answer("sa_police_answer"),
        data=lambda w: {
            "response": "The audit found 18 of 20 files met it.",
            "self_rating": "green",
        },
    ),
    RouteCheck(
        "selfassessment:answer-respond",
        expect(404, **IN_SCOPE_REFUSED, lead_hospital=403),
        kwargs=_answer("sa_hospital_answer"),
        label="not challenged",
    ),
]

ROUTES: list[RouteCheck] = _ROUND_ROUTES + _RETURN_ROUTES
