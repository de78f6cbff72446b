"""The agency's own audit tool attached to a return: PDF, Word or Excel, checked by content.

The type is read from the file's first bytes and, for Office Open XML, its zip contents —
never from its name or the browser's claimed type. Files are stored under MEDIA_ROOT, which
is outside the web root, and are served only through a view that checks access and logs it.
"""

from __future__ import annotations

import zipfile
from typing import IO, Any

from django.core.exceptions import ValidationError

MAX_BYTES = 10 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
}


def sniff(handle: IO[bytes]) -> str | None:
    """The kind of document (a key of CONTENT_TYPES), or None when it is not one we accept."""
    handle.seek(0)
    head = handle.read(8)
    handle.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(_OLE):
        return "doc"  # Word and Excel 97-2003 share a container; served as a download
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(handle) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            handle.seek(0)
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return None


def validate_attachment(upload: Any) -> str:
    """Check an uploaded file's size and content; return its kind or raise."""
    if upload.size > MAX_BYTES:
        raise ValidationError("The file must be smaller than 10 MB.")
    kind = sniff(upload)
    if kind is None:
        raise ValidationError("The file must be a PDF, Word or Excel document.")
    return kind
