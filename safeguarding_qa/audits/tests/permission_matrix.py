"""Permission-matrix rows for case file audits.

Three audits: one with returns open (council and police take part; the council and police
auditors are assigned to Case A), one at the panel (council, police and hospital; the
council and hospital auditors are assigned), and one planned with the hospital only, which
the council and police cannot reach.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

from safeguarding_qa.access.matrix import PERSONA_KEYS, SIGN_IN_REDIRECT, RouteCheck, World
from safeguarding_qa.audits.choices import AnswerType, AuditStatus
from safeguarding_qa.audits.models import LiveConcern, Question

from .builders import assign, make_audit, make_case, make_return

UNKNOWN = 999_999
PARTNERSHIP = {"admin", "admin_icb", "chair", "qa_lead", "scrutineer", "lay_member"}
OVERSEE = {"admin", "admin_icb", "chair", "qa_lead"}
ADMINS = {"admin", "admin_icb"}
OPEN_AUDIT = PARTNERSHIP | {"lead_council", "lead_police", "auditor_council", "auditor_police"}
PANEL_AUDIT = PARTNERSHIP | {
    "lead_council",
    "lead_police",
    "lead_hospital",
    "auditor_council",
    "auditor_hospital",
}
OTHER_AUDIT = PARTNERSHIP | {"lead_hospital"}
CASE_A = OVERSEE | {"lead_council", "lead_police", "auditor_council", "auditor_police"}
CASE_B = OVERSEE | {"lead_council", "lead_police"}
PANEL_CASE = OVERSEE | {
    "lead_council",
    "lead_police",
    "lead_hospital",
    "auditor_council",
    "auditor_hospital",
}


def on(visible: set[str], allowed: dict[str, int] | set[str], status: int = 200) -> dict[str, int]:
    """``allowed`` get ``status`` (or their own), others who can see the object 403, the
    rest 404; anonymous people are sent to sign in."""
    if isinstance(allowed, set):
        allowed = dict.fromkeys(allowed, status)
    result = {key: allowed.get(key, 403 if key in visible else 404) for key in PERSONA_KEYS}
    result["anonymous"] = SIGN_IN_REDIRECT
    return result


def everyone(status: int, allowed: set[str] | None = None) -> dict[str, int]:
    """A page without an object: ``allowed`` (default everyone but viewers) get ``status``."""
    allowed = allowed if allowed is not None else set(PERSONA_KEYS) - {"viewer", "viewer_police"}
    result = {key: status if key in allowed else 403 for key in PERSONA_KEYS}
    result["anonymous"] = SIGN_IN_REDIRECT
    return result


def build(world: World) -> None:
    org = world.organisations
    people = world.personas
    open_audit = make_audit(
        "Matrix open audit", [org["council"], org["police"]], status=AuditStatus.RETURNS_OPEN
    )
    case_a = make_case(open_audit, "Case A", child_name="Matrix Child")
    case_b = make_case(open_audit, "Case B")
    assign(case_a, people["auditor_council"])
    assign(case_a, people["auditor_police"])
    world.objects.update(
        open_audit=open_audit,
        case_a=case_a,
        case_b=case_b,
        return_council=make_return(case_a, org["council"]),
        return_police=make_return(case_a, org["police"]),
        concern=LiveConcern.objects.create(
            case=case_a, raised_by=people["auditor_police"], details="Matrix concern."
        ),
    )
    make_return(case_b, org["council"])
    panel_audit = make_audit(
        "Matrix panel audit",
        [org["council"], org["police"], org["hospital"]],
        status=AuditStatus.PANEL,
    )
    panel_case = make_case(panel_audit, "Case A")
    assign(panel_case, people["auditor_council"])
    assign(panel_case, people["auditor_hospital"])
    world.objects.update(
        panel_audit=panel_audit,
        panel_case=panel_case,
        panel_return=make_return(panel_case, org["police"], submitted=True, ranks=[2, 1]),
    )
    make_return(panel_case, org["council"], submitted=True, ranks=[4, 3])
    panel_return = world.objects["panel_return"]
    panel_return.attachment.save("tool.pdf", ContentFile(b"%PDF-1.4 matrix"), save=False)
    panel_return.attachment_kind = "pdf"
    panel_return.save()
    world.objects["other_audit"] = make_audit("Matrix hospital audit", [org["hospital"]], aims=0)
    build_links(world)


def _pk(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


def _audit_data(w: World) -> dict[str, Any]:
    return {
        "title": "Matrix new audit",
        "theme": "Neglect",
        "kind": "case_file",
        "organisations": [w.organisations["hospital"].pk],
        "target_cases": "4",
        "scale": _scale_pk(),
    }


def _scale_pk() -> int:
    from safeguarding_qa.audits.models import GradingScale

    scale = GradingScale.objects.order_by("pk").first()
    return scale.pk if scale else 0


def _question_pk(w: World) -> dict[str, Any]:
    question = Question.objects.filter(answer_type=AnswerType.GRADED).order_by("pk").first()
    return {"questions": [question.pk if question else 0]}


def _case_data(w: World) -> dict[str, Any]:
    return {
        "reference": "Case Z",
        "age_band": "5_9",
        "sex": "male",
        "plan_type": "child_in_need",
        "open_for": "3_12m",
    }


def _return_data(w: World) -> dict[str, Any]:
    return {"version": "1", "involved": "yes", "strengths": "Matrix strengths", "draft": "1"}


_SETUP = [
    RouteCheck("audits:audit-list", everyone(200)),
    RouteCheck("audits:question-list", everyone(200)),
    RouteCheck("audits:question-create", everyone(200, ADMINS)),
    RouteCheck(
        "audits:question-create",
        everyone(302, ADMINS),
        method="POST",
        data=lambda w: {
            "code": "matrix-q",
            "text": "Matrix question",
            "answer_type": "yes_no",
            "theme_set": "Matrix",
        },
    ),
    RouteCheck("audits:scale-list", everyone(200)),
    RouteCheck("audits:scale-create", everyone(200, ADMINS)),
    RouteCheck(
        "audits:scale-create",
        everyone(302, ADMINS),
        method="POST",
        data=lambda w: {
            "name": "Matrix scale",
            "grades": "Strong\nAdequate\nWeak",
            "needing_evidence": "1",
        },
    ),
    RouteCheck("audits:audit-create", everyone(200, ADMINS)),
    RouteCheck("audits:audit-create", everyone(302, ADMINS), method="POST", data=_audit_data),
    RouteCheck("audits:audit-detail", on(OPEN_AUDIT, OPEN_AUDIT), kwargs=_pk("open_audit")),
    RouteCheck(
        "audits:audit-detail",
        on(OTHER_AUDIT, OTHER_AUDIT),
        kwargs=_pk("other_audit"),
        label="not invited",
    ),
    RouteCheck(
        "audits:audit-detail", on(set(), set()), kwargs=lambda w: {"pk": UNKNOWN}, label="unknown"
    ),
    RouteCheck("audits:audit-edit", on(OPEN_AUDIT, ADMINS), kwargs=_pk("open_audit")),
    RouteCheck(
        "audits:audit-edit",
        on(OTHER_AUDIT, ADMINS, 302),
        method="POST",
        kwargs=_pk("other_audit"),
        data=lambda w: {**_audit_data(w), "title": "Matrix renamed"},
    ),
    RouteCheck("audits:audit-move", on(OTHER_AUDIT, ADMINS), kwargs=_pk("other_audit")),
    RouteCheck(
        "audits:audit-move", on(OTHER_AUDIT, ADMINS, 302), method="POST", kwargs=_pk("other_audit")
    ),
    RouteCheck(
        "audits:audit-move",
        on(OPEN_AUDIT, ADMINS),
        method="POST",
        kwargs=_pk("open_audit"),
        label="guard refuses",
    ),
    RouteCheck("audits:aim-add-questions", on(OTHER_AUDIT, ADMINS), kwargs=_pk("other_audit")),
    RouteCheck(
        "audits:aim-add-questions",
        on(OTHER_AUDIT, ADMINS, 302),
        method="POST",
        kwargs=_pk("other_audit"),
        data=_question_pk,
    ),
    RouteCheck("audits:aim-write", on(OTHER_AUDIT, ADMINS), kwargs=_pk("other_audit")),
    RouteCheck(
        "audits:aim-write",
        on(OTHER_AUDIT, ADMINS, 302),
        method="POST",
        kwargs=_pk("other_audit"),
        data=lambda w: {"text": "Matrix aim", "answer_type": "graded"},
    ),
    RouteCheck("audits:case-add", on(OTHER_AUDIT, ADMINS), kwargs=_pk("other_audit")),
    RouteCheck(
        "audits:case-add",
        on(OTHER_AUDIT, ADMINS, 302),
        method="POST",
        kwargs=_pk("other_audit"),
        data=_case_data,
    ),
]

REVEALERS = {
    "admin",
    "admin_icb",
    "lead_council",
    "lead_police",
    "auditor_council",
    "auditor_police",
}

_CASES = [
    RouteCheck("audits:case-detail", on(CASE_A, CASE_A), kwargs=_pk("case_a")),
    RouteCheck("audits:case-detail", on(CASE_B, CASE_B), kwargs=_pk("case_b"), label="unassigned"),
    RouteCheck(
        "audits:case-assign",
        on(CASE_A, {"admin", "admin_icb", "lead_council", "lead_police"}),
        kwargs=_pk("case_a"),
    ),
    RouteCheck(
        "audits:case-assign",
        on(CASE_B, {"admin": 302, "admin_icb": 302, "lead_council": 302, "lead_police": 200}),
        method="POST",
        kwargs=_pk("case_b"),
        data=lambda w: {"auditor": w.personas["auditor_council"].pk},
    ),
    RouteCheck("audits:case-reveal", on(CASE_A, REVEALERS), kwargs=_pk("case_a")),
    RouteCheck(
        "audits:case-reveal",
        on(CASE_A, REVEALERS),
        method="POST",
        kwargs=_pk("case_a"),
        data=lambda w: {"reason": "Matrix: checking the chronology against our records."},
    ),
    RouteCheck("audits:live-concern-raise", on(CASE_A, CASE_A), kwargs=_pk("case_a")),
    RouteCheck(
        "audits:live-concern-raise",
        on(CASE_A, CASE_A, 302),
        method="POST",
        kwargs=_pk("case_a"),
        data=lambda w: {"details": "Matrix: a new injury seen at the last visit."},
    ),
    RouteCheck("audits:live-concern-acknowledge", on(OVERSEE, OVERSEE), kwargs=_pk("concern")),
    RouteCheck(
        "audits:live-concern-acknowledge",
        on(OVERSEE, OVERSEE, 302),
        method="POST",
        kwargs=_pk("concern"),
        data=lambda w: {"action_taken": "Referred to the front door the same day."},
    ),
]

COUNCIL_RETURN = OVERSEE | {"lead_council", "auditor_council"}
PANEL_RETURN = OVERSEE | {"lead_council", "lead_police", "lead_hospital"}

_RETURNS = [
    RouteCheck(
        "audits:return-detail", on(COUNCIL_RETURN, COUNCIL_RETURN), kwargs=_pk("return_council")
    ),
    RouteCheck(
        "audits:return-detail",
        on(PANEL_RETURN, PANEL_RETURN),
        kwargs=_pk("panel_return"),
        label="at panel",
    ),
    RouteCheck(
        "audits:return-edit",
        on(COUNCIL_RETURN, {"admin", "lead_council", "auditor_council"}),
        kwargs=_pk("return_council"),
    ),
    RouteCheck(
        "audits:return-edit",
        on(COUNCIL_RETURN, {"admin", "lead_council", "auditor_council"}, 302),
        method="POST",
        kwargs=_pk("return_council"),
        data=_return_data,
    ),
    RouteCheck(
        "audits:return-edit",
        on(PANEL_RETURN, set()),
        kwargs=_pk("panel_return"),
        label="submitted",
    ),
    RouteCheck(
        "audits:return-attachment", on(PANEL_RETURN, PANEL_RETURN), kwargs=_pk("panel_return")
    ),
    RouteCheck(
        "audits:return-attachment",
        on(set(), set()),
        kwargs=_pk("return_council"),
        label="none attached",
    ),
    RouteCheck("audits:return-reopen", on(PANEL_RETURN, ADMINS), kwargs=_pk("panel_return")),
    RouteCheck(
        "audits:return-reopen",
        on(PANEL_RETURN, ADMINS, 302),
        method="POST",
        kwargs=_pk("panel_return"),
        data=lambda w: {"reason": "The police return named the wrong child."},
    ),
    RouteCheck(
        "audits:return-reopen",
        on(COUNCIL_RETURN, set()),
        kwargs=_pk("return_council"),
        label="draft",
    ),
]

COLLATION_AT_PANEL = OVERSEE | {
    "lead_council",
    "lead_police",
    "lead_hospital",
    "scrutineer",
    "lay_member",
}

_PANEL = [
    RouteCheck(
        "audits:audit-collation", on(PANEL_AUDIT, COLLATION_AT_PANEL), kwargs=_pk("panel_audit")
    ),
    RouteCheck(
        "audits:audit-collation",
        on(OPEN_AUDIT, OVERSEE),
        kwargs=_pk("open_audit"),
        label="returns open",
    ),
    RouteCheck(
        "audits:audit-collation-export",
        on(PANEL_AUDIT, COLLATION_AT_PANEL),
        kwargs=_pk("panel_audit"),
    ),
    RouteCheck("audits:panel-summary", on(PANEL_AUDIT, OVERSEE), kwargs=_pk("panel_audit")),
    RouteCheck(
        "audits:panel-summary",
        on(PANEL_AUDIT, OVERSEE, 302),
        method="POST",
        kwargs=_pk("panel_audit"),
        data=lambda w: {"panel_strengths": "Good sharing.", "panel_improvements": "Fathers."},
    ),
    RouteCheck("audits:panel-case", on(PANEL_CASE, OVERSEE), kwargs=_pk("panel_case")),
    RouteCheck(
        "audits:panel-case",
        on(PANEL_CASE, OVERSEE, 302),
        method="POST",
        kwargs=_pk("panel_case"),
        data=lambda w: {},
    ),
    RouteCheck(
        "audits:panel-case",
        on(CASE_A, set()),
        kwargs=_pk("case_a"),
        label="not at panel",
    ),
]

from .link_matrix import LINK_ROUTES, build_links  # noqa: E402  (it uses the helpers above)

ROUTES = [*_SETUP, *_CASES, *_RETURNS, *_PANEL, *LINK_ROUTES]
