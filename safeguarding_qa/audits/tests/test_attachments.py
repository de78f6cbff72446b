"""The agency's own audit tool: type from content, size limit, logged downloads."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeguarding_qa.audits.attachments import sniff, validate_attachment
from safeguarding_qa.audits.models import AgencyReturn
from safeguarding_qa.audittrail.models import AuditEvent


def _zip(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7 rest", "pdf"),
        (_zip("word/document.xml"), "docx"),
        (_zip("xl/workbook.xml"), "xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "doc"),
        (_zip("other.txt"), None),
        (b"MZ\x90\x00 an executable", None),
        (b"PK\x03\x04 not really a zip", None),
    ],
)
def test_type_comes_from_content(content, kind):
    assert sniff(io.BytesIO(content)) == kind


def test_a_renamed_file_is_refused_and_size_is_limited():
    with pytest.raises(ValidationError):
        validate_attachment(SimpleUploadedFile("tool.pdf", b"<html>not a pdf</html>"))
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="10 MB"):
        validate_attachment(big)


@pytest.mark.django_db
def test_upload_with_a_draft_then_download_is_logged(client_as, open_audit):
    item = AgencyReturn.objects.get(
        case__audit=open_audit,
        case__reference="Case A",
        organisation__name__contains="Council",
    )
    client = client_as("auditor_council")
    response = client.post(
        reverse("audits:return-edit", args=[item.pk]),
        {
            "version": "1",
            "draft": "1",
            "attachment": SimpleUploadedFile("our-tool.pdf", b"%PDF-1.4 tool"),
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.attachment_kind == "pdf" and "our-tool" not in str(item.attachment.name)
    download = client.get(reverse("audits:return-attachment", args=[item.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 tool"
    assert AuditEvent.objects.filter(kind="audit_return.attachment_downloaded").count() == 1
    refused = client.post(
        reverse("audits:return-edit", args=[item.pk]),
        {"version": "2", "draft": "1", "attachment": SimpleUploadedFile("x.pdf", b"MZ exe")},
    )
    assert refused.status_code == 200
    item.refresh_from_db()
    assert item.version == 2
