"""Deleting snapshots past their retention period (run daily from cron)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event

from .. import events
from ..models import CaseEvent, ChildRecord, Snapshot
from ..policies import snapshots as snapshot_policy
from ..rules import retention_cutoff, retention_days


@transaction.atomic
def snapshots_purge(*, access: Access | None, today: date, dry_run: bool = False) -> int:
    """Delete every snapshot as at a date before the retention cut-off, with its records.

    ``access`` None means the command line. Returns how many snapshots were (or, on a dry
    run, would be) deleted; a purge that deletes anything is an audit event.
    """
    if access is not None:
        snapshot_policy.require(access, "import")
    expired = Snapshot.objects.filter(as_at__lt=retention_cutoff(today))
    ids = list(expired.values_list("pk", flat=True))
    if dry_run or not ids:
        return len(ids)
    CaseEvent.objects.filter(snapshot_id__in=ids).delete()
    ChildRecord.objects.filter(snapshot_id__in=ids).delete()
    expired.delete()
    record_event(
        kind=events.SNAPSHOTS_PURGED,
        actor=access.user if access else None,
        description=f"{len(ids)} case-level data snapshots deleted after retention",
        data={"snapshots": ids, "retention_days": retention_days()},
    )
    return len(ids)
