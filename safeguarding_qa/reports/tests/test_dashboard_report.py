"""The quarterly dashboard report: on screen, as PDF and Word, with its exceptions."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document as read_docx

from safeguarding_qa.access.context import Access
from safeguarding_qa.indicators.choices import ChallengeStatus, CommentaryKind
from safeguarding_qa.indicators.models import (
    Challenge,
    Commentary,
    Indicator,
    IndicatorValue,
    Period,
)
from safeguarding_qa.reports import services
from safeguarding_qa.reports.choices import DocumentFormat, DocumentKind, DocumentStatus
from safeguarding_qa.reports.models import GeneratedDocument

from .pdftext import pdf_text

pytestmark = pytest.mark.django_db
PAGE = reverse("reports:dashboard-report")
GENERATE = reverse("reports:dashboard-report-generate")
STARTS = [date(2023, 4, 1), date(2023, 7, 1), date(2023, 10, 1), date(2024, 1, 1)] + [
    date(2024, 4, 1),
    date(2024, 7, 1),
    date(2024, 10, 1),
]


@pytest.fixture
def quarters(organisations, personas):
    """Seven quarters; "Re-referrals" goes red and worsens in the last one, with agency
    commentary and an open challenge; "Visits on time" stays green."""
    periods = [Period.objects.create(start=s, deadline=s.replace(day=28)) for s in STARTS]
    organisation = next(iter(organisations.values()))
    red = Indicator.objects.create(
        code="RE-REF",
        title="Re-referrals within 12 months",
        section="front_door",
        definition="Share of referrals",
        unit="percentage",
        numerator_definition="Numerator",
        denominator_definition="Denominator",
        polarity="lower",
        organisation=organisation,
        target=Decimal("20"),
    )
    green = Indicator.objects.create(
        code="VISITS",
        title="Visits on time",
        section="child_protection",
        definition="Share of visits",
        unit="percentage",
        numerator_definition="Numerator",
        denominator_definition="Denominator",
        polarity="higher",
        organisation=organisation,
        target=Decimal("80"),
    )
    for n, period in enumerate(periods):
        for indicator, value in ((red, 18 + n), (green, 90)):
            IndicatorValue.objects.create(
                indicator=indicator,
                period=period,
                value=Decimal(value),
                source="form",
                submitted_at=timezone.now(),
            )
    Commentary.objects.create(
        indicator=red,
        period=periods[-1],
        kind=CommentaryKind.AGENCY,
        organisation=organisation,
        author=personas["lead_council"],
        text="Staffing changes in the front door explain the rise.",
    )
    Challenge.objects.create(
        indicator=red,
        period=periods[-1],
        organisation=organisation,
        question="What is the recovery plan for re-referrals?",
        raised_by=personas["chair"],
        status=ChallengeStatus.OPEN,
    )
    return periods


def _produce(personas, callbacks, period, fmt):
    with callbacks(execute=True):
        document = services.document_request(
            access=Access.for_user(personas["chair"]),
            kind=DocumentKind.DASHBOARD_REPORT,
            format=fmt,
            subject=period,
        )
    document.refresh_from_db()
    return document


def test_the_pdf_has_the_exception_its_chart_commentary_and_challenge(
    quarters, personas, django_capture_on_commit_callbacks
):
    document = _produce(personas, django_capture_on_commit_callbacks, quarters[-1], "pdf")

    assert document.status == DocumentStatus.READY
    assert document.title == "Quarterly dashboard report 2024-25 Q3"
    text = " ".join(pdf_text(document.file.read()).split())
    assert "Quarterly dashboard report 2024-25 Q3" in text
    assert "OFFICIAL-SENSITIVE" in text
    assert "Re-referrals within 12 months" in text
    assert "Red against target" in text
    assert "Staffing changes in the front door explain the rise." in text
    assert "What is the recovery plan for re-referrals?" in text
    assert "Re-referrals within 12 months by quarter" in text  # the SPC chart's table
    assert "Visits on time" in text


def test_the_word_file_reads_back_with_the_chart_as_a_described_picture(
    quarters, personas, django_capture_on_commit_callbacks
):
    document = _produce(personas, django_capture_on_commit_callbacks, quarters[-1], "docx")

    word = read_docx(io.BytesIO(document.file.read()))
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[0] == "Quarterly dashboard report 2024-25 Q3"
    assert "2. Exceptions" in paragraphs
    assert len(word.inline_shapes) == 1
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert "What is the recovery plan for re-referrals?" in cells
    assert "24.0%" in cells


def test_a_dashboard_report_needs_a_quarter(personas):
    with pytest.raises(ValidationError):
        services.document_request(
            access=Access.for_user(personas["chair"]),
            kind=DocumentKind.DASHBOARD_REPORT,
            format=DocumentFormat.PDF,
            subject=None,
        )
    assert not GeneratedDocument.objects.exists()


def test_the_page_shows_the_latest_quarter_and_can_choose_another(quarters, client_as):
    client = client_as("viewer")
    page = client.get(PAGE).content.decode()
    assert "Quarterly dashboard report 2024-25 Q3" in page
    assert f'href="{GENERATE}' not in page

    earlier = client.get(PAGE, {"period": quarters[0].pk}).content.decode()
    assert "Quarterly dashboard report 2023-24 Q1" in earlier


def test_the_page_runs_a_fixed_number_of_queries(
    quarters, client_as, organisations, django_assert_max_num_queries
):
    client = client_as("chair")
    client.get(PAGE)
    organisation = next(iter(organisations.values()))
    for n in range(30):
        indicator = Indicator.objects.create(
            code=f"EXTRA-{n}",
            title=f"Extra indicator {n}",
            section="health",
            definition="Extra",
            unit="count",
            polarity="neither",
            organisation=organisation,
        )
        IndicatorValue.objects.create(
            indicator=indicator,
            period=quarters[-1],
            value=Decimal(n),
            source="form",
            submitted_at=timezone.now(),
        )
    with django_assert_max_num_queries(20):
        response = client.get(PAGE)
    assert "Extra indicator 29" in response.content.decode()


def test_producing_from_the_page_starts_a_task(
    quarters, client_as, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("chair").post(
            GENERATE, {"period": quarters[-1].pk, "format": DocumentFormat.PDF}
        )
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:document-detail", args=[document.pk])
    assert document.kind == DocumentKind.DASHBOARD_REPORT
    assert document.subject == quarters[-1]


def test_a_bad_quarter_is_refused_with_a_clear_error(quarters, client_as):
    response = client_as("chair").post(GENERATE, {"period": "999999", "format": "pdf"})

    assert response.status_code == 200
    assert "Select a quarter that has figures" in response.content.decode()
    assert not GeneratedDocument.objects.exists()


def test_the_dashboard_page_links_to_the_quarters_report(quarters, client_as):
    page = client_as("viewer").get(reverse("indicators:dashboard")).content.decode()

    assert f'href="{PAGE}?period={quarters[-1].pk}"' in page


def test_a_monthly_indicators_chart_is_titled_by_month() -> None:
    from safeguarding_qa.indicators.choices import Frequency
    from safeguarding_qa.indicators.selectors import IndicatorRow
    from safeguarding_qa.reports.providers.dashboard import _period_word

    def row(frequency: str) -> IndicatorRow:
        indicator = Indicator(code="X", title="X", frequency=frequency)
        return IndicatorRow(indicator, latest=None, previous=None, year_ago=None, series=[])

    assert _period_word(row(Frequency.MONTHLY)) == "month"
    assert _period_word(row(Frequency.QUARTERLY)) == "quarter"
