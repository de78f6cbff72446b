"""The audit report: its content read back from the PDF and the Word file, who may see
and produce it, and that it is produced as a task with audit events."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from docx import Document as read_docx

from safeguarding_qa.access.context import Access
from safeguarding_qa.audits.choices import AuditStatus
from safeguarding_qa.audits.models import Audit
from safeguarding_qa.audits.tests.builders import make_audit, make_case, make_return
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.reports import services
from safeguarding_qa.reports.builders import audit_report_for
from safeguarding_qa.reports.choices import DocumentFormat, DocumentKind, DocumentStatus
from safeguarding_qa.reports.models import GeneratedDocument
from safeguarding_qa.reports.renderers import Chart, Table
from safeguarding_qa.reports.selectors import document_list

from .audit_data import IMPROVEMENTS, PANEL_COMMENT, STRENGTHS, TERMS, build_reported_audit
from .pdftext import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(organisations) -> Audit:
    return build_reported_audit(organisations)


def _produce(personas, callbacks, audit, fmt, key="chair") -> GeneratedDocument:
    with callbacks(execute=True):
        document = services.document_request(
            access=Access.for_user(personas[key]),
            kind=DocumentKind.AUDIT_REPORT,
            format=fmt,
            subject=audit,
        )
    document.refresh_from_db()
    return document


def test_the_pdf_says_what_the_audit_records_say(
    audit, personas, django_capture_on_commit_callbacks
):
    document = _produce(personas, django_capture_on_commit_callbacks, audit, DocumentFormat.PDF)

    assert document.status == DocumentStatus.READY
    assert document.title == "Audit report: Neglect in babies audit"
    text = pdf_text(document.file.read())
    assert text.count("OFFICIAL-SENSITIVE") >= 2
    for expected in (
        "Audit report: Neglect in babies audit",
        "Context and terms of reference",
        TERMS,
        "Was the neglect assessment tool used?",
        "Was the voice of the child heard?",
        "3 cases were audited (the target was 4) by 3 agencies.",
        "6 of 9 agency returns expected were received.",
        "Aim 1: agency answers by grade",
        "The panel's agreed grades: Requires improvement: 3.",
        f"Case A: {PANEL_COMMENT}",
        *STRENGTHS.splitlines(),
        *IMPROVEMENTS.splitlines(),
        "Single-agency recommendations",
        "AUD-NEG-1: Use the neglect tool in every assessment",
        "Train all social workers in the neglect tool",
        "Multi-agency recommendations",
        "AUD-NEG-2: See and involve fathers",
        "Add fathers to the domestic abuse notification form",
    ):
        assert expected in text, expected


def test_the_grade_distribution_matches_the_submitted_answers(audit, organisations):
    document = audit_report_for(audit)
    findings = next(s for s in document.sections if s.title == "Findings")
    charts = [block for block in findings.blocks if isinstance(block, Chart)]

    # Aim 1: council graded the cases 2, 3, 1; police 3, 3, 4 (the hospital has not
    # submitted). Aim 2: council yes three times, police no three times. Aim 3 is text.
    assert [chart.table.rows for chart in charts] == [
        (("Outstanding", "1"), ("Good", "1"), ("Requires improvement", "3"), ("Inadequate", "1")),
        (("Yes", "3"), ("Partly", "0"), ("No", "3"), ("Not applicable", "0")),
    ]
    assert charts[0].svg.startswith("<svg") and "Requires improvement" in charts[0].svg
    method = next(s for s in document.sections if s.title == "Method")
    returns = next(b for b in method.blocks if isinstance(b, Table))
    assert sorted(returns.rows) == sorted(
        [
            (organisations["council"].name, "3", "3"),
            (organisations["police"].name, "3", "3"),
            (organisations["hospital"].name, "0", "3"),
        ]
    )


def test_the_word_file_reads_back_with_charts_described(
    audit, personas, django_capture_on_commit_callbacks
):
    document = _produce(personas, django_capture_on_commit_callbacks, audit, DocumentFormat.DOCX)

    word = read_docx(io.BytesIO(document.file.read()))
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[0] == "Audit report: Neglect in babies audit"
    assert "1. Context and terms of reference" in paragraphs
    assert TERMS in paragraphs
    assert word.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    assert len(word.inline_shapes) == 2
    described = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert "Requires improvement: 3" in described[0]
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Train all social workers in the neglect tool" in cells
    assert "Add fathers to the domestic abuse notification form" in cells


def test_generation_and_download_are_audit_events(
    audit, personas, django_capture_on_commit_callbacks
):
    document = _produce(personas, django_capture_on_commit_callbacks, audit, DocumentFormat.PDF)
    services.document_download(
        access=Access.for_user(personas["lead_police"]), document=document
    ).close()

    kinds = list(AuditEvent.objects.order_by("sequence").values_list("kind", flat=True))
    assert kinds[-3:] == ["report.requested", "report.generated", "report.downloaded"]


def test_an_agency_lead_of_the_audit_produces_it_but_a_viewer_cannot(
    audit, personas, django_capture_on_commit_callbacks
):
    document = _produce(
        personas, django_capture_on_commit_callbacks, audit, DocumentFormat.PDF, "lead_council"
    )
    assert document.status == DocumentStatus.READY

    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        services.document_request(
            access=Access.for_user(personas["viewer"]),
            kind=DocumentKind.AUDIT_REPORT,
            format=DocumentFormat.PDF,
            subject=audit,
        )
    assert GeneratedDocument.objects.count() == 1
    assert AuditEvent.objects.count() == before


def test_an_audit_before_its_panel_has_no_report_and_nothing_is_written(organisations, personas):
    early = make_audit("Early audit", [organisations["council"]], status=AuditStatus.RETURNS_OPEN)

    with pytest.raises(PermissionDenied):
        services.document_request(
            access=Access.for_user(personas["admin"]),
            kind=DocumentKind.AUDIT_REPORT,
            format=DocumentFormat.PDF,
            subject=early,
        )
    assert not GeneratedDocument.objects.exists()
    assert not AuditEvent.objects.filter(kind="report.requested").exists()


def test_audit_reports_are_listed_only_to_those_who_may_read_them(
    audit, personas, django_capture_on_commit_callbacks
):
    document = _produce(personas, django_capture_on_commit_callbacks, audit, DocumentFormat.PDF)

    def listed(key: str) -> bool:
        return document in document_list(access=Access.for_user(personas[key]))

    assert listed("chair") and listed("lead_hospital") and listed("scrutineer")
    assert not listed("viewer")
    assert not listed("auditor_council")


def test_the_page_links_from_the_audit_and_produces_a_file(
    audit, client_as, django_capture_on_commit_callbacks
):
    client = client_as("lead_police")
    audit_page = client.get(reverse("audits:audit-detail", args=[audit.pk])).content.decode()
    report_url = reverse("reports:audit-report", args=[audit.pk])
    assert f'href="{report_url}"' in audit_page

    page = client.get(report_url).content.decode()
    assert "Neglect in babies audit" in page and "Findings" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:audit-report-generate", args=[audit.pk]), {"format": "docx"}
        )
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302
    assert document.subject == audit and document.status == DocumentStatus.READY


def test_an_auditor_sees_no_report_link_and_cannot_open_the_report(audit, client_as, personas):
    from safeguarding_qa.audits.tests.builders import assign

    assign(audit.cases.get(reference="Case A"), personas["auditor_council"])
    client = client_as("auditor_council")
    page = client.get(reverse("audits:audit-detail", args=[audit.pk])).content.decode()

    assert reverse("reports:audit-report", args=[audit.pk]) not in page
    assert client.get(reverse("reports:audit-report", args=[audit.pk])).status_code == 403


def test_a_bad_format_is_refused_with_a_clear_error(audit, client_as):
    response = client_as("chair").post(
        reverse("reports:audit-report-generate", args=[audit.pk]), {"format": "exe"}
    )

    assert response.status_code == 200
    assert "Select PDF or Word" in response.content.decode()
    assert not GeneratedDocument.objects.exists()


def test_the_report_runs_a_fixed_number_of_queries(
    audit, organisations, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as first:
        audit_report_for(audit)
    for letter in "DEFGHIJ":
        case = make_case(audit, f"Case {letter}")
        make_return(case, organisations["council"], submitted=True, ranks=[2, 1])
    with django_assert_max_num_queries(len(first.captured_queries)):
        audit_report_for(audit)
