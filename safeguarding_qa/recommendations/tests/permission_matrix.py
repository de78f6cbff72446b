"""Permission-matrix rows for the register: recommendations, actions, progress, evidence.

Recommendations are partnership-wide: everyone signed in reads the register, except that
agency auditors (reach: what is assigned to them) see only recommendations with an action
they own. Actions belong to an organisation: agency leads see and update only their own
organisation's; the chair and administrators sign off; only they add and change.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.recommendations.choices import (
    ActionStatus,
    EvidenceKind,
    RecommendationKind,
    SourceKind,
)
from safeguarding_qa.recommendations.models import (
    Action,
    ImpactEvidence,
    ProgressUpdate,
    Recommendation,
)

UNKNOWN = 999_999
OVERSIGHT = ("admin", "admin_icb", "chair", "qa_lead")
LEADS = ("lead_council", "lead_police", "lead_hospital")
AUDITORS = ("auditor_council", "auditor_police", "auditor_hospital")


def _only(keys: tuple[str, ...], status: int) -> dict[str, int]:
    return dict.fromkeys(keys, status)


# auditor_police owns the police action, so sees the recommendation; the other auditors do not.
RECOMMENDATION_HIDDEN = {"auditor_council": 404, "auditor_hospital": 404}


def build(world: World) -> None:
    """Two recommendations (one with impact evidence), actions for three organisations in
    different states, a progress update and evidence with files."""
    p, o = world.personas, world.organisations
    today = timezone.localdate()
    rec = Recommendation.objects.create(
        reference="RM-001",
        title="Matrix recommendation",
        text="Agencies record the child's lived experience.",
        kind=RecommendationKind.MULTI_AGENCY,
        source_kind=SourceKind.PRACTICE_REVIEW,
        agreed_on=date(2025, 6, 1),
    )
    bare = Recommendation.objects.create(
        reference="RM-002",
        title="Matrix without evidence",
        text="Strategy discussions include health.",
        kind=RecommendationKind.SINGLE_AGENCY,
        source_kind=SourceKind.AUDIT,
        agreed_on=date(2025, 7, 1),
    )
    due = today + timedelta(days=90)
    council = Action.objects.create(
        recommendation=rec,
        organisation=o["council"],
        owner=p["lead_council"],
        description="Council action",
        due_on=due,
        status=ActionStatus.IN_PROGRESS,
    )
    police = Action.objects.create(
        recommendation=rec,
        organisation=o["police"],
        owner=p["auditor_police"],
        description="Police action",
        due_on=due,
    )
    hospital = Action.objects.create(
        recommendation=rec,
        organisation=o["hospital"],
        owner=p["lead_hospital"],
        description="Hospital action",
        due_on=due,
        status=ActionStatus.AWAITING_SIGN_OFF,
    )
    update = ProgressUpdate(
        action=police, author=p["lead_police"], written_on=today, text="Training booked."
    )
    update.evidence_file.save("matrix-update.txt", ContentFile(b"evidence"), save=False)
    update.save()
    evidence = ImpactEvidence(
        recommendation=rec,
        kind=EvidenceKind.RE_AUDIT_RESULT,
        summary="Re-audit graded the aim good in 8 of 10 cases.",
        recorded_by=p["chair"],
        recorded_on=today,
    )
    evidence.evidence_file.save("matrix-evidence.txt", ContentFile(b"evidence"), save=False)
    evidence.save()
    world.objects.update(
        rec=rec,
        bare=bare,
        council_action=council,
        police_action=police,
        hospital_action=hospital,
        update=update,
        evidence=evidence,
    )


def _pk(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


def _date(prefix: str, day: date) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def _recommendation_data(w: World) -> dict[str, Any]:
    return {
        "title": "Matrix new",
        "text": "A new recommendation.",
        "kind": RecommendationKind.SINGLE_AGENCY,
        "source_kind": SourceKind.OTHER,
        "themes": "neglect",
        **_date("agreed_on", date(2025, 9, 1)),
    }


def _action_data(w: World) -> dict[str, Any]:
    return {
        "organisation": w.organisations["council"].pk,
        "owner": w.personas["lead_council"].pk,
        "description": "A new action.",
        "priority": "high",
        **_date("due_on", date(2026, 12, 1)),
    }


def _progress_data(w: World) -> dict[str, Any]:
    return {
        "text": "Audit tool revised.",
        "status": ActionStatus.IN_PROGRESS,
        **_date("written_on", timezone.localdate()),
    }


def _evidence_data(w: World) -> dict[str, Any]:
    return {
        "kind": EvidenceKind.INDICATOR_CHANGE,
        "summary": "Re-referrals fell.",
        **_date("recorded_on", date(2025, 12, 1)),
    }


def _sign_off_data(w: World) -> dict[str, Any]:
    return {"decision": "signed_off", "comment": "Evidence seen at the March meeting."}


# Who gets what on pages needing "manage" on a recommendation everyone else can see.
_MANAGE_GET = {**_only(OVERSIGHT, 200), **RECOMMENDATION_HIDDEN}
_MANAGE_POST = {**_only(OVERSIGHT, 302), **RECOMMENDATION_HIDDEN}
# Actions: partnership-wide roles see all; leads their own organisation; auditors their own.
_NOT_COUNCIL = {"lead_police": 404, "lead_hospital": 404, **_only(AUDITORS, 404)}
_NOT_HOSPITAL = {"lead_council": 404, "lead_police": 404, **_only(AUDITORS, 404)}
_NOT_POLICE = {
    "lead_council": 404,
    "lead_hospital": 404,
    "auditor_council": 404,
    "auditor_hospital": 404,
}

ROUTES: list[RouteCheck] = [
    RouteCheck("recommendations:register", expect(200)),
    RouteCheck(
        "recommendations:register-export", expect(200), kwargs=lambda w: {"fmt": "csv"}, label="csv"
    ),
    RouteCheck(
        "recommendations:register-export",
        expect(200),
        kwargs=lambda w: {"fmt": "xlsx"},
        label="xlsx",
    ),
    RouteCheck(
        "recommendations:register-export", expect(404), kwargs=lambda w: {"fmt": "pdf"}, label="pdf"
    ),
    RouteCheck("recommendations:summary", expect(200)),
    RouteCheck("recommendations:register-import", expect(403, **_only(OVERSIGHT, 200))),
    # An empty upload is refused with an error on the page by those who may import.
    RouteCheck(
        "recommendations:register-import",
        expect(403, **_only(OVERSIGHT, 200)),
        method="POST",
        data=lambda w: {},
    ),
    RouteCheck("recommendations:import-template", expect(403, **_only(OVERSIGHT, 200))),
    # Without a refused import in the session, the report page sends people back.
    RouteCheck("recommendations:import-errors", expect(403, **_only(OVERSIGHT, 302))),
    RouteCheck("recommendations:reminder-settings", expect(200)),
    RouteCheck(
        "recommendations:reminder-settings",
        expect(302),
        method="POST",
        data=lambda w: {"weekly_digest": ""},
    ),
    RouteCheck("recommendations:recommendation-create", expect(403, **_only(OVERSIGHT, 200))),
    RouteCheck(
        "recommendations:recommendation-create",
        expect(403, **_only(OVERSIGHT, 302)),
        method="POST",
        data=_recommendation_data,
    ),
    RouteCheck(
        "recommendations:recommendation-detail",
        expect(200, **RECOMMENDATION_HIDDEN),
        kwargs=_pk("rec"),
    ),
    RouteCheck(
        "recommendations:recommendation-detail",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck(
        "recommendations:recommendation-edit", expect(403, **_MANAGE_GET), kwargs=_pk("rec")
    ),
    RouteCheck(
        "recommendations:recommendation-edit",
        expect(403, **_MANAGE_POST),
        method="POST",
        kwargs=_pk("rec"),
        data=_recommendation_data,
    ),
    RouteCheck(
        "recommendations:recommendation-history",
        expect(200, **RECOMMENDATION_HIDDEN),
        kwargs=_pk("rec"),
    ),
    RouteCheck("recommendations:evidence-add", expect(403, **_MANAGE_GET), kwargs=_pk("rec")),
    RouteCheck(
        "recommendations:evidence-add",
        expect(403, **_MANAGE_POST),
        method="POST",
        kwargs=_pk("rec"),
        data=_evidence_data,
    ),
    RouteCheck(
        "recommendations:recommendation-embed", expect(403, **_MANAGE_GET), kwargs=_pk("rec")
    ),
    RouteCheck(
        "recommendations:recommendation-embed",
        expect(403, **_MANAGE_POST),
        method="POST",
        kwargs=_pk("rec"),
        data=lambda w: {"comment": "Seen in the re-audit."},
        label="with evidence",
    ),
    # Refused without impact evidence: the page shows why, and nothing changes.
    RouteCheck(
        "recommendations:recommendation-embed",
        expect(403, **_only(OVERSIGHT, 200), **_only(AUDITORS, 404)),
        method="POST",
        kwargs=_pk("bare"),
        data=lambda w: {"comment": "Too soon."},
        label="no evidence",
    ),
    RouteCheck(
        "recommendations:evidence-file",
        expect(200, **RECOMMENDATION_HIDDEN),
        kwargs=_pk("evidence"),
    ),
    RouteCheck(
        "recommendations:action-create", expect(403, **_only(OVERSIGHT, 200)), kwargs=_pk("rec")
    ),
    RouteCheck(
        "recommendations:action-create",
        expect(403, **_only(OVERSIGHT, 302)),
        method="POST",
        kwargs=_pk("rec"),
        data=_action_data,
    ),
    RouteCheck("recommendations:action-list", expect(200)),
    RouteCheck(
        "recommendations:action-detail",
        expect(200, **_NOT_COUNCIL),
        kwargs=_pk("council_action"),
        label="council",
    ),
    RouteCheck(
        "recommendations:action-detail",
        expect(200, **_NOT_POLICE),
        kwargs=_pk("police_action"),
        label="police",
    ),
    RouteCheck(
        "recommendations:action-detail",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck(
        "recommendations:action-edit",
        expect(403, **_NOT_COUNCIL, **_only(OVERSIGHT, 200)),
        kwargs=_pk("council_action"),
    ),
    RouteCheck(
        "recommendations:action-edit",
        expect(403, **_NOT_COUNCIL, **_only(OVERSIGHT, 302)),
        method="POST",
        kwargs=_pk("council_action"),
        data=_action_data,
    ),
    RouteCheck(
        "recommendations:action-progress",
        expect(403, **_NOT_COUNCIL, admin=200, admin_icb=200, lead_council=200),
        kwargs=_pk("council_action"),
        label="own open",
    ),
    RouteCheck(
        "recommendations:action-progress",
        expect(403, **_NOT_COUNCIL, admin=302, admin_icb=302, lead_council=302),
        method="POST",
        kwargs=_pk("council_action"),
        data=_progress_data,
        label="own open",
    ),
    # Completed and awaiting sign-off: no more progress from the agency.
    RouteCheck(
        "recommendations:action-progress",
        expect(403, **_NOT_HOSPITAL),
        method="POST",
        kwargs=_pk("hospital_action"),
        data=_progress_data,
        label="awaiting sign-off",
    ),
    RouteCheck(
        "recommendations:action-sign-off",
        expect(403, **_NOT_HOSPITAL, **_only(OVERSIGHT, 200)),
        kwargs=_pk("hospital_action"),
        label="awaiting",
    ),
    RouteCheck(
        "recommendations:action-sign-off",
        expect(403, **_NOT_HOSPITAL, **_only(OVERSIGHT, 302)),
        method="POST",
        kwargs=_pk("hospital_action"),
        data=_sign_off_data,
        label="awaiting",
    ),
    # An action still in progress cannot be signed off.
    RouteCheck(
        "recommendations:action-sign-off",
        expect(403, **_NOT_COUNCIL),
        method="POST",
        kwargs=_pk("council_action"),
        data=_sign_off_data,
        label="in progress",
    ),
    RouteCheck("recommendations:update-file", expect(200, **_NOT_POLICE), kwargs=_pk("update")),
]
