"""Event kinds owned by the audit trail itself."""

from .registry import define

AUDIT_TRAIL_EXPORTED = define("audit_trail.exported", "Audit trail exported as CSV")
