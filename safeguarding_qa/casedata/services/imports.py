"""Importing Annex A and CIN census files: checked first, then written all-or-nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event

from .. import events
from ..importers.common import MAX_FILE_BYTES, FileRefused, Parsed, Progress, report_csv
from ..importers.store import store_rows
from ..models import ImportJob, ImportState, Snapshot, Source
from ..policies import snapshots as snapshot_policy
from ..rules import import_blocked
from ..selectors import computed_indicators

if TYPE_CHECKING:
    from .dashboard import RecordOutcome


@dataclass
class ImportOutcome:
    """What happened: the snapshot when imported, else the refusal and the reports."""

    snapshot: Snapshot | None
    refused: str = ""
    error_count: int = 0
    warning_count: int = 0
    error_report: str = ""
    warning_report: str = ""
    parsed: Parsed | None = None
    indicators: RecordOutcome | None = None


def _check(access: Access | None) -> Any:
    """Who acts: a signed-in person (checked by the policy) or the command line (None)."""
    if access is None:
        return None
    snapshot_policy.require(access, "import")
    return access.user


def casedata_import(
    *,
    access: Access | None,
    source: str,
    file: IO[bytes] | str,
    file_name: str,
    as_at: date | None = None,
    child_population: int | None = None,
    size: int | None = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Check the whole file, then store it in one transaction, or store nothing.

    Annex A needs ``as_at`` (the inspection date); a CIN census file carries its own.
    ``access`` None means the command line. Every import and refusal is an audit event.
    """
    actor = _check(access)
    if size is not None and size > MAX_FILE_BYTES:
        return _refused(actor, file_name, f"The file is larger than {MAX_FILE_BYTES // 2**20} MB.")
    try:
        # Each reader is imported when needed: a command importing one kind of file then
        # does not load (and compile the header rules of) the other.
        if source == Source.ANNEX_A:
            if as_at is None:
                raise FileRefused("An Annex A import needs the as-at (inspection) date.")
            from ..importers.annex_a import read_annex_a

            parsed = read_annex_a(file, as_at=as_at, progress=progress)
        elif source == Source.CIN_CENSUS:
            from ..importers.cin_census import read_cin_census

            parsed = read_cin_census(file, progress=progress)
        else:
            raise FileRefused(f"Unknown source {source!r}.")
    except FileRefused as error:
        return _refused(actor, file_name, str(error))
    outcome = ImportOutcome(
        snapshot=None,
        error_count=parsed.error_total,
        warning_count=parsed.warning_total,
        error_report=report_csv(parsed.errors, total=parsed.error_total),
        warning_report=report_csv(parsed.warnings, total=parsed.warning_total),
        parsed=parsed,
    )
    if import_blocked(parsed.error_total):
        refused = f"{parsed.error_total} errors were found; nothing has been imported."
        _refused(actor, file_name, refused)
        outcome.refused = refused
        return outcome
    if progress:
        progress(85, "Saving")
    outcome.snapshot = _store(actor, source, file_name, parsed, child_population)
    if progress:
        progress(95, "Recording indicators on the dashboard")
    from .dashboard import snapshot_indicators_record

    computed = computed_indicators(snapshot=outcome.snapshot, events=parsed.events_frame())
    outcome.indicators = snapshot_indicators_record(
        access=access, snapshot=outcome.snapshot, computed=computed
    )
    return outcome


@transaction.atomic
def _store(
    actor: Any, source: str, file_name: str, parsed: Parsed, child_population: int | None
) -> Snapshot:
    assert parsed.as_at is not None
    snapshot = Snapshot.objects.create(
        source=source,
        as_at=parsed.as_at,
        template_version=parsed.version[:40],
        file_name=file_name[:200],
        child_population=child_population,
        children=parsed.child_count,
        records=parsed.event_count,
        warnings=parsed.warning_total,
        list_counts=parsed.counts,
        imported_by=actor,
    )
    store_rows(snapshot=snapshot, parsed=parsed)
    record_event(
        kind=events.IMPORTED,
        actor=actor,
        target=snapshot,
        data={"children": snapshot.children, "records": snapshot.records, "file": file_name},
    )
    return snapshot


def _refused(actor: Any, file_name: str, reason: str) -> ImportOutcome:
    with transaction.atomic():
        record_event(
            kind=events.IMPORT_REFUSED,
            actor=actor,
            description=f"Import of {file_name} refused"[:300],
            data={"file": file_name, "reason": reason[:500]},
        )
    return ImportOutcome(snapshot=None, refused=reason)


@transaction.atomic
def import_job_create(
    *,
    access: Access,
    source: str,
    upload: UploadedFile,
    as_at: date | None,
    child_population: int | None,
) -> ImportJob:
    """Keep the upload privately and queue its import; the page then shows progress."""
    snapshot_policy.require(access, "import")
    if source == Source.ANNEX_A and as_at is None:
        raise ValidationError({"as_at": "Enter the date the Annex A data are as at."})
    job = ImportJob(
        source=source,
        file_name=(upload.name or "upload")[:200],
        as_at=as_at,
        child_population=child_population,
        created_by=access.user,
    )
    job.file.save(f"upload-{source}", upload, save=False)
    job.save()
    record_event(kind=events.IMPORT_QUEUED, actor=access.user, target=job)
    from ..tasks import run_import

    transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job


def import_job_run(*, job_id: int) -> None:
    """The background task's work: run the import and keep the status row up to date.

    Runs as the person who uploaded the file (their permission is checked again). The
    uploaded file is deleted afterwards, whatever the outcome.
    """
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.finished:
        return

    def progress(percent: int, message: str) -> None:
        ImportJob.objects.filter(pk=job.pk).update(progress=min(percent, 99), message=message)

    ImportJob.objects.filter(pk=job.pk).update(state=ImportState.RUNNING, progress=1)
    access = Access.for_user(job.created_by)
    try:
        with job.file.open("rb") as stream:
            outcome = casedata_import(
                access=access,
                source=job.source,
                file=stream,
                file_name=job.file_name,
                as_at=job.as_at,
                child_population=job.child_population,
                size=job.file.size,
                progress=progress,
            )
    except Exception:
        ImportJob.objects.filter(pk=job.pk).update(
            state=ImportState.FAILED, message="The import stopped unexpectedly; nothing was saved."
        )
        _discard(job)
        raise
    ImportJob.objects.filter(pk=job.pk).update(
        state=ImportState.SUCCEEDED if outcome.snapshot else ImportState.FAILED,
        progress=100,
        message=outcome.refused or "Imported.",
        snapshot=outcome.snapshot,
        error_count=outcome.error_count,
        warning_count=outcome.warning_count,
        error_report=outcome.error_report,
        warning_report=outcome.warning_report,
    )
    _discard(job)


def _discard(job: ImportJob) -> None:
    if job.file:
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")


@transaction.atomic
def import_report_download(*, access: Access, job: ImportJob, warnings: bool) -> str:
    """The error (or warning) report's CSV text; downloading it is an audit event."""
    snapshot_policy.require(access, "import")
    record_event(
        kind=events.REPORT_DOWNLOADED,
        actor=access.user,
        target=job,
        data={"report": "warnings" if warnings else "errors"},
    )
    return job.warning_report if warnings else job.error_report
