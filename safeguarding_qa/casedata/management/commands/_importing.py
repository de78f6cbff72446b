"""The shared body of the two import commands."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from safeguarding_qa.casedata.services.imports import casedata_import


class ImportCommand(BaseCommand):
    source = ""
    # The system checks load every app's URLs and views (the API, MFA, other importers)
    # and cost more than importing a census file; they guard serving pages, not this.
    # ``manage.py check`` runs them in CI and at deployment.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")
        parser.add_argument("--population", type=int, help="Children aged 0-17, for rates.")
        parser.add_argument("--report", help="Write the error report (CSV) to this path.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and store the file, then roll everything back: nothing is kept.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        as_at = None
        if options.get("as_at"):
            try:
                as_at = date.fromisoformat(options["as_at"])
            except ValueError as error:
                raise CommandError("--as-at must be a date, yyyy-mm-dd.") from error
        with transaction.atomic():
            outcome = casedata_import(
                access=None,
                source=self.source,
                file=str(path),
                file_name=path.name,
                as_at=as_at,
                child_population=options.get("population"),
                size=os.path.getsize(path),
            )
            if options["dry_run"]:
                transaction.set_rollback(True)
                self.stdout.write("Dry run: everything below has been rolled back.")
        if options.get("report") and (outcome.error_report or outcome.warning_report):
            Path(options["report"]).write_text(outcome.error_report + outcome.warning_report)
        if outcome.snapshot is None:
            if outcome.parsed is not None:
                for issue in outcome.parsed.errors[:20]:
                    self.stderr.write(
                        f"{issue.where} row {issue.row or '-'} {issue.column}: "
                        f"{issue.value!r}: {issue.problem}"
                    )
            raise CommandError(outcome.refused)
        snapshot = outcome.snapshot
        self.stdout.write(
            f"Imported {snapshot}: {snapshot.children} children, {snapshot.records} records, "
            f"{outcome.warning_count} warnings ({snapshot.template_version})."
        )
        if outcome.indicators is not None:
            self.stdout.write(outcome.indicators.summary)
