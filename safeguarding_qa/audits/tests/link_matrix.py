"""Permission-matrix rows for the audits' links: recommendations, impact evidence, the work
programme and case-data samples (imported by ``permission_matrix``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from safeguarding_qa.access.matrix import RouteCheck, World
from safeguarding_qa.audits.choices import AuditStatus
from safeguarding_qa.recommendations.services.recommendations import recommendation_create

from .builders import make_audit, make_programme_item, make_sample
from .permission_matrix import (
    ADMINS,
    OPEN_AUDIT,
    OTHER_AUDIT,
    OVERSEE,
    PANEL_AUDIT,
    PARTNERSHIP,
    _audit_data,
    _pk,
    everyone,
    on,
)

AGREED_AUDIT = PARTNERSHIP | {"lead_council", "lead_police"}


def build_links(world: World) -> None:
    org = world.organisations
    world.objects["agreed_audit"] = make_audit(
        "Matrix agreed audit",
        [org["council"], org["police"]],
        status=AuditStatus.RECOMMENDATIONS_AGREED,
    )
    world.objects["programme_item"] = make_programme_item("Matrix planned audit")
    world.objects["sample"] = make_sample(2)
    world.objects["earlier_recommendation"] = recommendation_create(
        actor=world.personas["admin"],
        title="Matrix earlier recommendation",
        text="Hear the child.",
        kind="multi_agency",
        source_kind="other",
        agreed_on=date(2024, 6, 1),
    )


def _recommendation_data(w: World) -> dict[str, Any]:
    return {
        "title": "Matrix recommendation",
        "text": "Record the father's details.",
        "kind": "multi_agency",
        "organisations": [w.organisations["council"].pk, w.organisations["police"].pk],
        "action": "Add a prompt to the assessment form.",
        "due_on_day": "31",
        "due_on_month": "3",
        "due_on_year": "2027",
        "agreed_on_day": "1",
        "agreed_on_month": "6",
        "agreed_on_year": "2026",
    }


def _impact_data(w: World) -> dict[str, Any]:
    return {
        "recommendation": w.objects["earlier_recommendation"].pk,
        "aim": w.objects["panel_audit"].aims.order_by("position").first().pk,
        "summary": "Matrix: fathers were considered in every case.",
    }


def _sample_data(w: World) -> dict[str, Any]:
    sample = w.objects["sample"]
    return {
        "sample": sample.pk,
        "members": [member.pk for member in sample.members.all()],
        "plan_type": "child_protection",
        "plan_category": "neglect",
        "open_for": "1_2y",
    }


LINK_ROUTES: list[RouteCheck] = [
    RouteCheck("audits:recommendation-add", on(AGREED_AUDIT, OVERSEE), kwargs=_pk("agreed_audit")),
    RouteCheck(
        "audits:recommendation-add",
        on(AGREED_AUDIT, OVERSEE, 302),
        method="POST",
        kwargs=_pk("agreed_audit"),
        data=_recommendation_data,
    ),
    RouteCheck(
        "audits:recommendation-add",
        on(OPEN_AUDIT, set()),
        method="POST",
        kwargs=_pk("open_audit"),
        data=_recommendation_data,
        label="not agreed yet",
    ),
    RouteCheck("audits:impact-add", on(PANEL_AUDIT, OVERSEE), kwargs=_pk("panel_audit")),
    RouteCheck(
        "audits:impact-add",
        on(PANEL_AUDIT, OVERSEE, 302),
        method="POST",
        kwargs=_pk("panel_audit"),
        data=_impact_data,
    ),
    RouteCheck(
        "audits:impact-add",
        on(OPEN_AUDIT, dict.fromkeys(OVERSEE, 404)),
        kwargs=_pk("open_audit"),
        label="before the panel",
    ),
    RouteCheck("audits:programme-items", everyone(200, ADMINS)),
    RouteCheck(
        "audits:audit-from-programme",
        everyone(200, ADMINS),
        kwargs=lambda w: {"item_pk": w.objects["programme_item"].pk},
    ),
    RouteCheck(
        "audits:audit-from-programme",
        everyone(302, ADMINS),
        method="POST",
        kwargs=lambda w: {"item_pk": w.objects["programme_item"].pk},
        data=_audit_data,
    ),
    RouteCheck("audits:cases-from-sample", on(OTHER_AUDIT, ADMINS), kwargs=_pk("other_audit")),
    RouteCheck(
        "audits:cases-from-sample",
        on(OTHER_AUDIT, ADMINS, 302),
        method="POST",
        kwargs=_pk("other_audit"),
        data=_sample_data,
    ),
    RouteCheck(
        "audits:cases-from-sample",
        on(OPEN_AUDIT, dict.fromkeys(ADMINS, 404)),
        kwargs=_pk("open_audit"),
        label="returns open",
    ),
]
