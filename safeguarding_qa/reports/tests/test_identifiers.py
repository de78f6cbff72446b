"""No report, briefing or export contains a case identifier, even when the encrypted
identifier fields hold identifier-like strings (an NHS number, a local authority ID)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from safeguarding_qa.access.context import Access
from safeguarding_qa.audits.models import AuditCase
from safeguarding_qa.learning.choices import SECTION_FIELDS
from safeguarding_qa.learning.documents import briefing_pdf
from safeguarding_qa.learning.models import LearningBriefing
from safeguarding_qa.reports import services
from safeguarding_qa.reports.choices import DocumentFormat, DocumentKind

from .audit_data import FORBIDDEN, IDENTIFIERS, build_reported_audit
from .pdftext import pdf_objects, pdf_text

pytestmark = pytest.mark.django_db


def _assert_clean(label: str, text: str) -> None:
    found = [value for value in FORBIDDEN if value in text]
    assert not found, f"{label} contains {found}"


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


def _pdf_all(content: bytes) -> str:
    return pdf_text(content) + pdf_objects(content).decode("latin-1")


def _produce(personas, callbacks, **request) -> bytes:
    with callbacks(execute=True):
        document = services.document_request(access=Access.for_user(personas["chair"]), **request)
    document.refresh_from_db()
    return bytes(document.file.read())


@pytest.fixture
def audit(organisations):
    audit = build_reported_audit(organisations)
    # The identifiers are really there, encrypted, for the reports to leave out.
    case = AuditCase.objects.get(audit=audit, reference="Case A")
    assert case.nhs_number == IDENTIFIERS["nhs_number"]
    assert case.la_child_id == IDENTIFIERS["la_child_id"]
    return audit


@pytest.mark.parametrize("fmt", [DocumentFormat.PDF, DocumentFormat.DOCX])
def test_audit_and_annual_report_files_hold_no_identifier(
    audit, personas, django_capture_on_commit_callbacks, fmt
):
    read = _pdf_all if fmt == DocumentFormat.PDF else _docx_text
    audit_file = _produce(
        personas,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.AUDIT_REPORT,
        format=fmt,
        subject=audit,
    )
    annual_file = _produce(
        personas,
        django_capture_on_commit_callbacks,
        kind=DocumentKind.ANNUAL_REPORT,
        format=fmt,
        year=2024,
    )

    assert "Neglect in babies audit" in read(audit_file)
    assert "Neglect in babies audit" in read(annual_file)  # the audit is in the year
    _assert_clean("audit report", read(audit_file))
    _assert_clean("annual report", read(annual_file))


def test_pages_briefing_and_exports_hold_no_identifier(audit, client_as):
    client = client_as("admin")
    pages = {
        "audit report page": reverse("reports:audit-report", args=[audit.pk]),
        "annual report page": reverse("reports:annual-report") + "?year=2024",
        "briefing draft": reverse("learning:briefing-from-audit", args=[audit.pk]),
        "register export": reverse("recommendations:register-export", args=["csv"]),
    }
    for label, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, label
        body = b"".join(response.streaming_content) if response.streaming else response.content
        _assert_clean(label, body.decode("utf-8", "replace"))

    draft = client.get(pages["briefing draft"]).context["form"].initial
    client.post(pages["briefing draft"], {name: draft[name] for name in draft})
    briefing = LearningBriefing.objects.get()
    assert briefing.source == audit
    assert all(getattr(briefing, name) for name in SECTION_FIELDS)
    _assert_clean("briefing", " ".join(getattr(briefing, n) for n in SECTION_FIELDS))
    _assert_clean("briefing PDF", _pdf_all(briefing_pdf(briefing)))
