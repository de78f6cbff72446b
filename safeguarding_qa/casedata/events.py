"""Audit event kinds for case data."""

from safeguarding_qa.audittrail.registry import define

IMPORT_QUEUED = define("casedata.import_queued", "Case-level data file uploaded for import")
IMPORTED = define("casedata.imported", "Case-level data imported")
IMPORT_REFUSED = define("casedata.import_refused", "Case-level data import refused")
REPORT_DOWNLOADED = define("casedata.report_downloaded", "Import error report downloaded")
RECORDS_VIEWED = define("casedata.records_viewed", "Record-level case data viewed")
SNAPSHOTS_PURGED = define("casedata.purged", "Case-level data deleted after retention")
SAMPLE_DRAWN = define("casedata.sample_drawn", "Audit sample drawn")
SAMPLE_EXPORTED = define("casedata.sample_exported", "Audit sample exported")
SAMPLE_SENT = define("casedata.sample_sent", "Audit sample added to an audit")
INDICATORS_RECORDED = define(
    "casedata.indicators_recorded", "Indicators computed from case data recorded on the dashboard"
)
