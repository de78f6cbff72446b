"""manage.py compute_indicators SNAPSHOT_ID: record a snapshot's indicators on the dashboard."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from safeguarding_qa.casedata.models import Snapshot
from safeguarding_qa.casedata.services.dashboard import snapshot_indicators_record


class Command(BaseCommand):
    help = (
        "Compute a case-data snapshot's indicators and record them on the dashboard "
        "(source: computed). Safe to run again."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("snapshot_id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        snapshot = Snapshot.objects.filter(pk=options["snapshot_id"]).first()
        if snapshot is None:
            raise CommandError(f"There is no snapshot {options['snapshot_id']}.")
        outcome = snapshot_indicators_record(access=None, snapshot=snapshot)
        for line in outcome.recorded:
            self.stdout.write(f"Recorded {line}")
        for line in outcome.skipped:
            self.stdout.write(f"Not recorded: {line}")
        self.stdout.write(outcome.summary)
