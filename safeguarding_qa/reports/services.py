"""Writes for generated reports: request, render (as a task), download, expire."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audits.models import Audit
from safeguarding_qa.audittrail.services.recording import record_event, save_changes
from safeguarding_qa.indicators.models import Period

from . import events
from .builders import build_document, title_for
from .choices import DocumentFormat, DocumentKind, DocumentStatus
from .models import AnnualReportNarrative, GeneratedDocument
from .narrative import NARRATIVE_FIELDS
from .policies import audit_report_allowed
from .policies import documents as document_policy
from .policies import narratives as narrative_policy
from .renderers.pdf import render_pdf
from .renderers.word import render_docx
from .rules import document_expires_at, report_year_is_allowed

logger = logging.getLogger(__name__)


@transaction.atomic
def document_request(
    *,
    access: Access,
    kind: str,
    format: str,
    year: int | None = None,
    subject: Model | None = None,
) -> GeneratedDocument:
    """Ask for a report file; it is produced by a background task after this commits.

    The annual report is about a ``year``; other reports are about a ``subject`` (the
    quarterly dashboard report about an indicators ``Period``, the audit report about an
    ``Audit``)."""
    _require_may_request(access, kind, subject)
    if format not in DocumentFormat.values:
        raise ValidationError({"format": "Select PDF or Word"})
    if kind == DocumentKind.ANNUAL_REPORT and (year is None or not report_year_is_allowed(year)):
        raise ValidationError({"year": "Select a year that has begun"})
    if kind == DocumentKind.DASHBOARD_REPORT and not isinstance(subject, Period):
        raise ValidationError({"period": "Select the quarter of the report"})
    if kind == DocumentKind.AUDIT_REPORT and not isinstance(subject, Audit):
        raise ValidationError("Choose the audit of the report")
    if kind not in DocumentKind.values:
        raise ValidationError("Choose a kind of report")
    document = GeneratedDocument.objects.create(
        kind=kind,
        format=format,
        year=year,
        subject_type=ContentType.objects.get_for_model(subject) if subject else None,
        subject_id=subject.pk if subject else None,
        title=title_for(kind, year=year, subject=subject),
        requested_by=access.user,
    )
    record_event(
        kind=events.REPORT_REQUESTED,
        actor=access.user,
        target=document,
        data={"kind": kind, "format": format, "year": year, "subject": document.subject_id},
    )
    transaction.on_commit(lambda: _enqueue(document.pk))
    return document


def _require_may_request(access: Access, kind: str, subject: Model | None) -> None:
    """Audit reports are produced by whoever may read them (see ``policies``); other
    reports by those who may generate reports."""
    if kind == DocumentKind.AUDIT_REPORT and isinstance(subject, Audit):
        if not audit_report_allowed(access, subject):
            raise PermissionDenied
        return
    document_policy.require(access, "generate")


def _enqueue(document_id: int) -> None:
    from .tasks import render_document

    render_document.enqueue(document_id)


def document_render(*, document_id: int) -> GeneratedDocument | None:
    """Produce the file of a requested document (the body of the background task).

    A failure marks the document failed with a short reason and records it; it never
    leaves a half-written file behind.
    """
    document = GeneratedDocument.objects.filter(
        pk=document_id, status=DocumentStatus.QUEUED
    ).first()
    if document is None:
        return None
    GeneratedDocument.objects.filter(pk=document.pk).update(
        status=DocumentStatus.RENDERING, progress=10
    )
    try:
        content = _render(document)
    except Exception as error:
        logger.exception("Report %s failed to render", document.pk)
        return _fail(document, error)
    return _store(document, content)


def _render(document: GeneratedDocument) -> bytes:
    source = build_document(document)
    GeneratedDocument.objects.filter(pk=document.pk).update(progress=50)
    if document.format == DocumentFormat.DOCX:
        return render_docx(source)
    return render_pdf(source)


@transaction.atomic
def _store(document: GeneratedDocument, content: bytes) -> GeneratedDocument:
    made_at = timezone.now()
    document.file.save(document.filename, ContentFile(content), save=False)
    document.status = DocumentStatus.READY
    document.size = len(content)
    document.progress = 100
    document.made_at = made_at
    document.expires_at = document_expires_at(made_at)
    document.save()
    record_event(
        kind=events.REPORT_GENERATED,
        actor=document.requested_by,
        target=document,
        data={"size": len(content), "expires_at": document.expires_at},
    )
    return document


@transaction.atomic
def _fail(document: GeneratedDocument, error: Exception) -> GeneratedDocument:
    document.status = DocumentStatus.FAILED
    document.progress = 100
    document.error = f"{type(error).__name__}"[:300]
    document.save()
    record_event(
        kind=events.REPORT_FAILED,
        actor=document.requested_by,
        target=document,
        data={"error": document.error},
    )
    return document


@transaction.atomic
def document_download(*, access: Access, document: GeneratedDocument) -> Any:
    """Open a ready document's file for download; every download is recorded."""
    document_policy.require(access, "download", document)
    record_event(
        kind=events.REPORT_DOWNLOADED,
        actor=access.user,
        target=document,
        data={"format": document.format, "size": document.size},
    )
    return document.file.open("rb")


@transaction.atomic
def documents_purge_expired(*, now: datetime | None = None) -> int:
    """Delete the files of expired documents; the rows stay, marked expired, as the record
    of what was made. Returns how many files were deleted."""
    now = now or timezone.now()
    expired = list(
        GeneratedDocument.objects.filter(status=DocumentStatus.READY, expires_at__lte=now)
    )
    for document in expired:
        document.file.delete(save=False)
        document.status = DocumentStatus.EXPIRED
        document.save(update_fields=["file", "status", "updated_at"])
    if expired:
        record_event(
            kind=events.REPORT_EXPIRED,
            description=f"{len(expired)} expired report files deleted",
            data={"documents": [document.pk for document in expired]},
        )
    return len(expired)


@transaction.atomic
def annual_narrative_save(
    *, access: Access, year: int, introduction: str, areas_for_improvement: str, future_plans: str
) -> AnnualReportNarrative:
    """Write or change the narrative of one year's annual report; the next page view and
    every file produced afterwards use it. The change is recorded with before and after."""
    narrative_policy.require(access, "edit")
    if not report_year_is_allowed(year):
        raise ValidationError({"year": "Select a year that has begun"})
    narrative, created = AnnualReportNarrative.objects.select_for_update().get_or_create(
        year=year, defaults={"updated_by": access.user}
    )
    changes = save_changes(
        narrative,
        {
            "introduction": introduction,
            "areas_for_improvement": areas_for_improvement,
            "future_plans": future_plans,
            "updated_by": access.user,
        },
        tracked=NARRATIVE_FIELDS,
    )
    if created or changes["after"]:
        record_event(
            kind=events.REPORT_NARRATIVE_CHANGED,
            actor=access.user,
            target=narrative,
            data={"year": year, "created": created},
            **changes,
        )
    return narrative
