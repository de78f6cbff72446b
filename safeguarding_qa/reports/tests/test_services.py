"""Producing report files as tasks, downloading them (audited) and expiring them."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from docx import Document as read_docx

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.reports import services
from safeguarding_qa.reports.choices import DocumentFormat, DocumentKind, DocumentStatus
from safeguarding_qa.reports.models import GeneratedDocument

from .pdftext import pdf_text

pytestmark = pytest.mark.django_db


def _access(personas, key: str) -> Access:
    return Access.for_user(personas[key])


def _kinds() -> list[str]:
    return list(AuditEvent.objects.order_by("sequence").values_list("kind", flat=True))


def _request(personas, django_capture_on_commit_callbacks, fmt=DocumentFormat.PDF, year=2024):
    with django_capture_on_commit_callbacks(execute=True):
        document = services.document_request(
            access=_access(personas, "admin"),
            kind=DocumentKind.ANNUAL_REPORT,
            format=fmt,
            year=year,
        )
    document.refresh_from_db()
    return document


def test_a_requested_pdf_is_rendered_by_the_task_and_recorded(
    personas, django_capture_on_commit_callbacks
):
    document = _request(personas, django_capture_on_commit_callbacks)

    assert document.status == DocumentStatus.READY
    assert document.progress == 100
    assert document.expires_at - document.made_at == timedelta(days=30)
    content = document.file.read()
    assert document.size == len(content)
    text = pdf_text(content)
    assert "Quality assurance annual report 2024 to 2025" in text
    assert "OFFICIAL-SENSITIVE" in text
    assert _kinds() == ["report.requested", "report.generated"]


def test_a_requested_word_file_reads_back(personas, django_capture_on_commit_callbacks):
    document = _request(personas, django_capture_on_commit_callbacks, fmt=DocumentFormat.DOCX)

    word = read_docx(io.BytesIO(document.file.read()))
    assert word.paragraphs[0].text == "Quality assurance annual report 2024 to 2025"
    assert "1. The partnership" in [p.text for p in word.paragraphs]
    assert document.filename == "quality-assurance-annual-report-2024-to-2025.docx"


def test_people_without_the_capability_cannot_request_and_nothing_is_written(personas):
    with pytest.raises(PermissionDenied):
        services.document_request(
            access=_access(personas, "viewer"),
            kind=DocumentKind.ANNUAL_REPORT,
            format=DocumentFormat.PDF,
            year=2024,
        )
    assert not GeneratedDocument.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(("fmt", "year"), [("exe", 2024), ("pdf", 1999), ("pdf", 2999)])
def test_bad_requests_are_refused_with_a_clear_error(personas, fmt, year):
    with pytest.raises(ValidationError):
        services.document_request(
            access=_access(personas, "chair"),
            kind=DocumentKind.ANNUAL_REPORT,
            format=fmt,
            year=year,
        )
    assert not GeneratedDocument.objects.exists()


def test_a_failed_render_is_marked_and_recorded(
    personas, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(document):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "build_document", broken)
    document = _request(personas, django_capture_on_commit_callbacks)

    assert document.status == DocumentStatus.FAILED
    assert not document.file
    assert document.error == "RuntimeError"
    assert _kinds() == ["report.requested", "report.failed"]


def test_rendering_twice_does_nothing_the_second_time(personas, django_capture_on_commit_callbacks):
    document = _request(personas, django_capture_on_commit_callbacks)

    assert services.document_render(document_id=document.pk) is None


def test_each_download_is_an_audit_event(personas, django_capture_on_commit_callbacks):
    document = _request(personas, django_capture_on_commit_callbacks)

    handle = services.document_download(access=_access(personas, "viewer"), document=document)
    handle.close()

    event = AuditEvent.objects.order_by("-sequence").first()
    assert event is not None
    assert event.kind == "report.downloaded"
    assert event.actor_id == personas["viewer"].pk
    assert event.target_id == str(document.pk)


def test_expired_documents_cannot_be_downloaded_and_are_purged(
    personas, django_capture_on_commit_callbacks
):
    document = _request(personas, django_capture_on_commit_callbacks)
    stored = document.file.name
    storage = document.file.storage
    later = document.expires_at + timedelta(seconds=1)
    GeneratedDocument.objects.filter(pk=document.pk).update(expires_at=timezone.now())
    document.refresh_from_db()

    with pytest.raises(PermissionDenied):
        services.document_download(access=_access(personas, "chair"), document=document)
    assert services.documents_purge_expired(now=later) == 1

    document.refresh_from_db()
    assert document.status == DocumentStatus.EXPIRED
    assert not document.file
    assert not storage.exists(stored)
    assert _kinds()[-1] == "report.expired"
    assert services.documents_purge_expired(now=later) == 0
