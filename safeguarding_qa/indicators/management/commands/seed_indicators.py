"""``manage.py seed_indicators``: add the standard indicator catalogue (and quarters)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from safeguarding_qa.indicators import rules
from safeguarding_qa.indicators.services.setup import (
    indicators_seed,
    population_set,
    quarter_ensure_with_months,
)


class Command(BaseCommand):
    help = (
        "Add the standard indicators that are missing (by code), owned by the first active "
        "organisation of each indicator's sector; optionally record child populations and "
        "add reporting quarters. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Also rewrite existing indicators' definitions and England comparators.",
        )
        parser.add_argument(
            "--population",
            action="append",
            default=[],
            metavar="YEAR=COUNT",
            help="Child population 0-17 for a financial year, e.g. 2025=81200 (repeatable).",
        )
        parser.add_argument(
            "--quarters",
            type=int,
            default=0,
            help="Make sure this many quarters exist, ending with the current one.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = indicators_seed(refresh=options["refresh"])
        self.stdout.write(
            f"Indicators: {len(result['created'])} added, {len(result['refreshed'])} refreshed."
        )
        if result["skipped"]:
            self.stdout.write(
                self.style.WARNING(
                    "Skipped (no organisation of their sector): " + ", ".join(result["skipped"])
                )
            )
        for item in options["population"]:
            year, _, count = item.partition("=")
            if not (year.isdigit() and count.isdigit() and int(count) > 0):
                raise CommandError(f"--population {item!r}: write YEAR=COUNT, e.g. 2025=81200.")
            population_set(year=int(year), count=int(count), source="seed_indicators")
            self.stdout.write(f"Child population {rules.financial_year_label(int(year))}: {count}")
        start = rules.quarter_start(timezone.localdate())
        for _ in range(max(options["quarters"], 0)):
            period = quarter_ensure_with_months(start=start)
            self.stdout.write(f"Quarter {period.label} and its months are ready.")
            start = rules.quarter_start(start - timedelta(days=1))
