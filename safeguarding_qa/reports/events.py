"""Audit event kinds for reports."""

from safeguarding_qa.audittrail.registry import define

REPORT_REQUESTED = define("report.requested", "Report requested")
REPORT_GENERATED = define("report.generated", "Report file generated")
REPORT_FAILED = define("report.failed", "Report generation failed")
REPORT_DOWNLOADED = define("report.downloaded", "Report file downloaded")
REPORT_EXPIRED = define("report.expired", "Expired report files deleted")
REPORT_NARRATIVE_CHANGED = define(
    "report.narrative_changed", "Annual report narrative written or changed"
)
