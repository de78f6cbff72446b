"""Report pages: list, annual report on screen, producing a file, progress, download."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.partnership.choices import GroupKind
from safeguarding_qa.partnership.models import Group, Membership
from safeguarding_qa.reports.choices import DocumentFormat, DocumentKind, DocumentStatus
from safeguarding_qa.reports.models import GeneratedDocument

pytestmark = pytest.mark.django_db
LIST = reverse("reports:report-list")
ANNUAL = reverse("reports:annual-report")
GENERATE = reverse("reports:annual-report-generate")


def test_the_list_has_an_empty_state(client_as):
    page = client_as("chair").get(LIST).content.decode()

    assert "No report files have been produced yet." in page
    assert f'href="{GENERATE}"' in page


def test_people_who_cannot_generate_see_no_link(client_as):
    assert f'href="{GENERATE}"' not in client_as("viewer").get(LIST).content.decode()


def test_the_annual_report_shows_the_years_members(client_as, personas):
    group = Group.objects.create(name="QA Subgroup", kind=GroupKind.QA_SUBGROUP)
    Membership.objects.create(
        group=group, person=personas["lay_member"], started_on=date(2024, 4, 1)
    )

    response = client_as("viewer").get(ANNUAL, {"year": "2024"})

    page = response.content.decode()
    assert "Quality assurance annual report 2024 to 2025" in page
    assert "Harriet Polglase" in page
    assert 'alt="Bar chart, Members by group, 2024 to 2025.' in page


def test_an_unknown_year_shows_the_current_year(client_as):
    response = client_as("viewer").get(ANNUAL, {"year": "not-a-year"})

    assert response.status_code == 200
    assert response.context["year"] <= timezone.localdate().year


def test_producing_a_file_then_downloading_it(client_as, django_capture_on_commit_callbacks):
    client = client_as("admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(GENERATE, {"year": "2024", "format": DocumentFormat.PDF})
    document = GeneratedDocument.objects.get()
    detail = reverse("reports:document-detail", kwargs={"pk": document.pk})
    assert response.status_code == 302 and response["Location"] == detail

    page = client.get(detail).content.decode()
    download = reverse("reports:document-download", kwargs={"pk": document.pk})
    assert "Ready" in page and download in page

    reader = client_as("lay_member")
    response = reader.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(kind="report.downloaded").count() == 1


def test_a_file_in_progress_refreshes_its_page(client_as, personas):
    document = GeneratedDocument.objects.create(
        kind=DocumentKind.ANNUAL_REPORT,
        format=DocumentFormat.PDF,
        year=2024,
        title="Annual report",
        requested_by=personas["chair"],
    )

    page = client_as("chair").get(reverse("reports:document-detail", args=[document.pk]))

    assert '<meta http-equiv="refresh" content="3">' in page.content.decode()


def test_the_form_shows_errors_and_writes_nothing(client_as):
    response = client_as("chair").post(GENERATE, {"year": "1990"})

    page = response.content.decode()
    assert "Select PDF or Word" in page
    assert "Select a valid choice" in page
    assert not GeneratedDocument.objects.exists()


def test_the_list_pages_with_a_fixed_number_of_queries(
    client_as, personas, django_assert_num_queries
):
    client = client_as("viewer")
    client.get(LIST)

    def add(count: int) -> None:
        GeneratedDocument.objects.bulk_create(
            GeneratedDocument(
                kind=DocumentKind.ANNUAL_REPORT,
                format=DocumentFormat.DOCX,
                year=2024,
                title=f"Annual report {n}",
                status=DocumentStatus.QUEUED,
                requested_by=personas["admin"],
            )
            for n in range(count)
        )

    add(2)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    add(40)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(LIST)
