"""Permission-matrix rows for reports.

Everyone signed in reads the reports and downloads ready files (REPORTS_VIEW); only
administrators and chairs produce them (REPORTS_GENERATE) and edit the annual report's
narrative. An expired file cannot be downloaded by anyone.

Audit reports follow the audits policy: an audit outside the person's sight is "not
found" (404: viewers, auditors not assigned, leads of organisations not taking part);
inside it, the report is there from the panel stage for administrators, chairs, leads of
participating organisations and scrutineers, and refused (403) before the panel.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.audits.choices import AuditStatus
from safeguarding_qa.audits.models import Audit
from safeguarding_qa.audits.tests.builders import make_audit, make_case, make_return
from safeguarding_qa.indicators.models import Indicator, IndicatorValue, Period
from safeguarding_qa.reports.choices import DocumentFormat, DocumentKind, DocumentStatus
from safeguarding_qa.reports.models import GeneratedDocument

UNKNOWN = 999_999
GENERATORS = ("admin", "admin_icb", "chair", "qa_lead")
# Who sees an audit of the council and the police (others get 404): at its panel they
# read its report; before the panel they are refused it (403).
IN_SIGHT = (*GENERATORS, "lead_council", "lead_police", "scrutineer", "lay_member")


def _document(status: str, expires_in: timedelta) -> GeneratedDocument:
    now = timezone.now()
    document = GeneratedDocument(
        kind=DocumentKind.ANNUAL_REPORT,
        format=DocumentFormat.PDF,
        year=2024,
        title="Matrix annual report",
        status=status,
        made_at=now,
        expires_at=now + expires_in,
    )
    document.file.save("matrix.pdf", ContentFile(b"%PDF-1.7 matrix"), save=False)
    document.save()
    return document


def _quarter(world: World) -> Period:
    organisation = next(iter(world.organisations.values()))
    indicator = Indicator.objects.create(
        code="MATRIX-1",
        title="Matrix referrals",
        section="front_door",
        definition="Matrix indicator",
        unit="count",
        polarity="lower",
        organisation=organisation,
        target=Decimal("10"),
    )
    period, _ = Period.objects.get_or_create(
        start=date(2024, 4, 1), defaults={"deadline": date(2024, 7, 31)}
    )
    IndicatorValue.objects.create(
        indicator=indicator,
        period=period,
        value=Decimal("12"),
        source="form",
        submitted_at=timezone.now(),
    )
    return period


def _audit(world: World, status: str) -> Audit:
    org = world.organisations
    audit = make_audit(f"Report matrix {status}", [org["council"], org["police"]], status=status)
    case = make_case(audit, "Case A", nhs_number="943 476 5919")
    make_return(case, org["council"], submitted=True, ranks=[2, 3])
    return audit


def _audit_document(audit: Audit) -> GeneratedDocument:
    from django.contrib.contenttypes.models import ContentType

    now = timezone.now()
    document = GeneratedDocument(
        kind=DocumentKind.AUDIT_REPORT,
        format=DocumentFormat.PDF,
        title="Matrix audit report",
        subject_type=ContentType.objects.get_for_model(Audit),
        subject_id=audit.pk,
        status=DocumentStatus.READY,
        made_at=now,
        expires_at=now + timedelta(days=5),
    )
    document.file.save("matrix-audit.pdf", ContentFile(b"%PDF-1.7 matrix"), save=False)
    document.save()
    return document


def build(world: World) -> None:
    world.objects["report_ready"] = _document(DocumentStatus.READY, timedelta(days=5))
    world.objects["report_panel_audit"] = _audit(world, AuditStatus.PANEL)
    world.objects["report_open_audit"] = _audit(world, AuditStatus.RETURNS_OPEN)
    world.objects["report_audit_document"] = _audit_document(world.objects["report_panel_audit"])
    world.objects["report_quarter"] = _quarter(world)
    world.objects["report_expired"] = _document(DocumentStatus.READY, -timedelta(days=1))


def _pk(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


ROUTES: list[RouteCheck] = [
    RouteCheck("reports:report-list", expect(200)),
    RouteCheck("reports:annual-report", expect(200)),
    RouteCheck(
        "reports:annual-report-generate",
        expect(403, **dict.fromkeys(GENERATORS, 200)),
    ),
    RouteCheck(
        "reports:annual-report-generate",
        expect(403, **dict.fromkeys(GENERATORS, 302)),
        method="POST",
        data=lambda w: {"year": "2024", "format": DocumentFormat.DOCX},
    ),
    RouteCheck("reports:dashboard-report", expect(200)),
    RouteCheck(
        "reports:dashboard-report-generate",
        expect(403, **dict.fromkeys(GENERATORS, 200)),
    ),
    RouteCheck(
        "reports:dashboard-report-generate",
        expect(403, **dict.fromkeys(GENERATORS, 302)),
        method="POST",
        data=lambda w: {"period": str(w.objects["report_quarter"].pk), "format": "pdf"},
    ),
    RouteCheck("reports:document-detail", expect(200), kwargs=_pk("report_ready"), label="ready"),
    RouteCheck(
        "reports:document-detail",
        expect(404),
        kwargs=lambda w: {"pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("reports:document-download", expect(200), kwargs=_pk("report_ready"), label="ready"),
    RouteCheck(
        "reports:document-download", expect(403), kwargs=_pk("report_expired"), label="expired"
    ),
]


def _in_sight(inside: int) -> dict[str, int]:
    """404 for those who do not see the audit; ``inside`` for those who do."""
    return expect(404, **dict.fromkeys(IN_SIGHT, inside))


def _format(w: World) -> dict[str, Any]:
    return {"format": DocumentFormat.DOCX}


def _narrative(w: World) -> dict[str, Any]:
    return {
        "introduction": "Matrix introduction.",
        "areas_for_improvement": "- Matrix area",
        "future_plans": "- Matrix plan",
    }


ROUTES += [
    RouteCheck(
        "reports:audit-report",
        _in_sight(200),
        kwargs=_pk("report_panel_audit"),
        label="panel",
    ),
    RouteCheck(
        "reports:audit-report",
        _in_sight(403),
        kwargs=_pk("report_open_audit"),
        label="before panel",
    ),
    RouteCheck(
        "reports:audit-report", expect(404), kwargs=lambda w: {"pk": UNKNOWN}, label="unknown"
    ),
    RouteCheck(
        "reports:audit-report-generate",
        _in_sight(200),
        kwargs=_pk("report_panel_audit"),
        label="panel",
    ),
    RouteCheck(
        "reports:audit-report-generate",
        _in_sight(302),
        method="POST",
        kwargs=_pk("report_panel_audit"),
        data=_format,
        label="panel",
    ),
    RouteCheck(
        "reports:audit-report-generate",
        _in_sight(403),
        method="POST",
        kwargs=_pk("report_open_audit"),
        data=_format,
        label="before panel",
    ),
    RouteCheck(
        "reports:document-detail",
        _in_sight(200),
        kwargs=_pk("report_audit_document"),
        label="audit report",
    ),
    RouteCheck(
        "reports:document-download",
        _in_sight(200),
        kwargs=_pk("report_audit_document"),
        label="audit report",
    ),
    RouteCheck(
        "reports:annual-narrative-edit",
        expect(403, **dict.fromkeys(GENERATORS, 200)),
        kwargs=lambda w: {"year": 2024},
    ),
    RouteCheck(
        "reports:annual-narrative-edit",
        expect(403, **dict.fromkeys(GENERATORS, 302)),
        method="POST",
        kwargs=lambda w: {"year": 2024},
        data=_narrative,
    ),
]
