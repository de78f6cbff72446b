"""Background work for case data, through Django's tasks API."""

from __future__ import annotations

from django_tasks import task


@task()
def run_import(job_id: int) -> None:
    """Import one uploaded file (see ``services.imports.import_job_run``)."""
    from .services.imports import import_job_run

    import_job_run(job_id=job_id)
