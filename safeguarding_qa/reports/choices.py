"""Fixed lists for generated reports."""

from django.db import models


class DocumentKind(models.TextChoices):
    ANNUAL_REPORT = "annual_report", "Annual report"
    DASHBOARD_REPORT = "dashboard_report", "Quarterly dashboard report"
    AUDIT_REPORT = "audit_report", "Audit report"


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word"


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RENDERING = "rendering", "Being produced"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"
    EXPIRED = "expired", "Expired"


FORMAT_CONTENT_TYPES = {
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
}
