"""Permission-matrix rows for reports.

Everyone signed in reads the reports and downloads ready files (REPORTS_VIEW); only
administrators and chairs produce them (REPORTS_GENERATE). An expired file cannot be
downloaded by anyone.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.indicators.models import Indicator, IndicatorValue, Period
from safeguarding_qa.reports.choices import DocumentFormat, DocumentKind, DocumentStatus
from safeguarding_qa.reports.models import GeneratedDocument

UNKNOWN = 999_999
GENERATORS = ("admin", "admin_icb", "chair", "qa_lead")


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


def build(world: World) -> None:
    world.objects["report_ready"] = _document(DocumentStatus.READY, timedelta(days=5))
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
