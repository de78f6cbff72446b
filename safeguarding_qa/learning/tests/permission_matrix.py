"""Permission-matrix rows for learning briefings, dissemination and the public pages.

Administrators (admin, admin_icb) and chairs (chair, qa_lead) draft, edit, publish and
withdraw; only chairs approve. Drafting from an audit first fetches the audit through the
audits policy (404 for those who do not see it: viewers, unassigned auditors, leads of
organisations not taking part), then needs the right to draft (403 for leads and
scrutineers who see it); drafting from a practice review the same, everyone seeing the
register. Everyone signed in reads published briefings; drafts are
outside their scope (404). Agency leads record their own organisation's dissemination;
administrators any organisation's. The public pages answer anyone, for published
briefings only.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.audits.choices import AuditStatus
from safeguarding_qa.audits.tests.builders import make_audit
from safeguarding_qa.learning.choices import SECTION_FIELDS, BriefingStatus, CascadeMethod
from safeguarding_qa.learning.models import LearningBriefing
from safeguarding_qa.reviews.choices import ReviewKind
from safeguarding_qa.reviews.models import PracticeReview

UNKNOWN = 999_999
MANAGERS = ("admin", "admin_icb", "chair", "qa_lead")
CHAIRS = ("chair", "qa_lead")
LEADS = ("lead_council", "lead_police", "lead_hospital")


def _only(keys: tuple[str, ...], status: int) -> dict[str, int]:
    return dict.fromkeys(keys, status)


def _briefing(key: str, status: str, world: World) -> LearningBriefing:
    now = timezone.now()
    chair = world.personas["chair"]
    approved = status in (BriefingStatus.APPROVED, BriefingStatus.PUBLISHED)
    return LearningBriefing.objects.create(
        title=f"Matrix briefing {key}",
        slug=f"matrix-{key}",
        status=status,
        approved_by=chair if approved else None,
        approved_at=now if approved else None,
        published_at=now if status == BriefingStatus.PUBLISHED else None,
        **{field: f"Matrix text for {field}." for field in SECTION_FIELDS},
    )


def build(world: World) -> None:
    for status in BriefingStatus.values:
        world.objects[f"briefing_{status}"] = _briefing(status, status, world)
    org = world.organisations
    world.objects["briefing_source_audit"] = make_audit(
        "Learning matrix audit", [org["council"], org["police"]], status=AuditStatus.PANEL
    )
    world.objects["briefing_source_review"] = PracticeReview.objects.create(
        name="Learning matrix review", kind=ReviewKind.LCSPR, summary="Matrix summary."
    )


def _pk(key: str) -> Any:
    return lambda w: {"pk": w.objects[f"briefing_{key}"].pk}


def _slug(key: str) -> Any:
    return lambda w: {"slug": w.objects[f"briefing_{key}"].slug}


def _briefing_data(w: World) -> dict[str, Any]:
    return {"title": "Matrix new briefing", **dict.fromkeys(SECTION_FIELDS, "Text.")}


def _dissemination_data(w: World) -> dict[str, Any]:
    return {
        "organisation": w.organisations["council"].pk,
        "cascaded_on_day": "2",
        "cascaded_on_month": "3",
        "cascaded_on_year": "2025",
        "method": CascadeMethod.TEAM_MEETING,
        "staff_reached": "12",
        "feedback": "Discussed at the team meeting.",
    }


# Drafts and the like are outside the scope of everyone but managers: 404.
NOT_MANAGERS_404 = expect(404, **_only(MANAGERS, 200))

ROUTES: list[RouteCheck] = [
    RouteCheck("learning:briefing-list", expect(200)),
    RouteCheck("learning:briefing-create", expect(403, **_only(MANAGERS, 200))),
    RouteCheck(
        "learning:briefing-create",
        expect(403, **_only(MANAGERS, 302)),
        method="POST",
        data=_briefing_data,
    ),
    RouteCheck("learning:briefing-detail", expect(200), kwargs=_pk("published"), label="published"),
    RouteCheck("learning:briefing-detail", NOT_MANAGERS_404, kwargs=_pk("draft"), label="draft"),
    RouteCheck(
        "learning:briefing-detail",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("learning:briefing-edit", NOT_MANAGERS_404, kwargs=_pk("draft"), label="draft"),
    RouteCheck(
        "learning:briefing-edit",
        expect(404, **_only(MANAGERS, 302)),
        method="POST",
        kwargs=_pk("draft"),
        data=_briefing_data,
        label="draft",
    ),
    RouteCheck("learning:briefing-edit", expect(403), kwargs=_pk("published"), label="published"),
    RouteCheck(
        "learning:briefing-approve",
        expect(404, admin=403, admin_icb=403, **_only(CHAIRS, 200)),
        kwargs=_pk("draft"),
        label="draft",
    ),
    RouteCheck(
        "learning:briefing-approve",
        expect(404, admin=403, admin_icb=403, **_only(CHAIRS, 302)),
        method="POST",
        kwargs=_pk("draft"),
        label="draft",
    ),
    RouteCheck(
        "learning:briefing-approve", expect(403), kwargs=_pk("published"), label="published"
    ),
    RouteCheck(
        "learning:briefing-publish", NOT_MANAGERS_404, kwargs=_pk("approved"), label="approved"
    ),
    RouteCheck(
        "learning:briefing-publish",
        expect(404, **_only(MANAGERS, 302)),
        method="POST",
        kwargs=_pk("approved"),
        label="approved",
    ),
    RouteCheck(
        "learning:briefing-publish",
        expect(404, **_only(MANAGERS, 403)),
        kwargs=_pk("draft"),
        label="draft",
    ),
    RouteCheck(
        "learning:briefing-withdraw",
        expect(403, **_only(MANAGERS, 200)),
        kwargs=_pk("published"),
        label="published",
    ),
    RouteCheck(
        "learning:briefing-withdraw",
        expect(403, **_only(MANAGERS, 302)),
        method="POST",
        kwargs=_pk("published"),
        data=lambda w: {"reason": "Superseded by new procedures."},
        label="published",
    ),
    RouteCheck(
        "learning:dissemination-add",
        expect(403, admin=200, admin_icb=200, **_only(LEADS, 200)),
        kwargs=_pk("published"),
        label="published",
    ),
    RouteCheck(
        "learning:dissemination-add",
        # Another organisation's lead cannot choose the council: the form refuses (200).
        expect(403, admin=302, admin_icb=302, lead_council=302, lead_police=200, lead_hospital=200),
        method="POST",
        kwargs=_pk("published"),
        data=_dissemination_data,
        label="published council",
    ),
    RouteCheck(
        "learning:dissemination-add",
        expect(404, **_only(MANAGERS, 403)),
        kwargs=_pk("draft"),
        label="draft",
    ),
    RouteCheck("learning:public-list", expect(200, anonymous=200)),
    RouteCheck(
        "learning:public-detail",
        expect(200, anonymous=200),
        kwargs=_slug("published"),
        label="published",
    ),
    RouteCheck(
        "learning:public-detail", expect(404, anonymous=404), kwargs=_slug("draft"), label="draft"
    ),
    RouteCheck(
        "learning:public-detail",
        expect(404, anonymous=404),
        kwargs=_slug("withdrawn"),
        label="withdrawn",
    ),
    RouteCheck(
        "learning:public-pdf",
        expect(200, anonymous=200),
        kwargs=_slug("published"),
        label="published",
    ),
    RouteCheck(
        "learning:public-pdf",
        expect(404, anonymous=404),
        kwargs=_slug("approved"),
        label="approved",
    ),
]


def _source(key: str, name: str) -> Any:
    return lambda w: {name: w.objects[f"briefing_source_{key}"].pk}


# Those who see the matrix audit (of the council and police, at its panel) but do not draft.
AUDIT_SEERS = ("lead_council", "lead_police", "scrutineer", "lay_member")

ROUTES += [
    RouteCheck(
        "learning:briefing-from-audit",
        expect(404, **_only(AUDIT_SEERS, 403), **_only(MANAGERS, 200)),
        kwargs=_source("audit", "audit_id"),
    ),
    RouteCheck(
        "learning:briefing-from-audit",
        expect(404, **_only(AUDIT_SEERS, 403), **_only(MANAGERS, 302)),
        method="POST",
        kwargs=_source("audit", "audit_id"),
        data=_briefing_data,
    ),
    RouteCheck(
        "learning:briefing-from-review",
        expect(403, **_only(MANAGERS, 200)),
        kwargs=_source("review", "review_id"),
    ),
    RouteCheck(
        "learning:briefing-from-review",
        expect(403, **_only(MANAGERS, 302)),
        method="POST",
        kwargs=_source("review", "review_id"),
        data=_briefing_data,
    ),
]
