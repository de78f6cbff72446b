"""manage.py generate_casedata --tier S|M|L|XL: synthetic Annex A and CIN census files."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from safeguarding_qa.casedata.synthetic import CIN_CHILDREN, TIERS, write_annex_a
from safeguarding_qa.casedata.synthetic_cin import write_cin_census


class Command(BaseCommand):
    help = "Write a synthetic Annex A workbook and CIN census XML file for a tier."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--tier", choices=sorted(TIERS), default="S")
        parser.add_argument("--out", default=".", help="Folder to write into.")
        parser.add_argument("--as-at", default="2025-03-31", help="The as-at date, yyyy-mm-dd.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--gender-current",
            action="store_true",
            help="Write the older GenderCurrent schema instead of Sex.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        tier = options["tier"]
        folder = Path(options["out"])
        folder.mkdir(parents=True, exist_ok=True)
        as_at = date.fromisoformat(options["as_at"])
        started = time.perf_counter()
        workbook = folder / f"annex_a_{tier}.xlsx"
        sizes = write_annex_a(str(workbook), tier=tier, as_at=as_at, seed=options["seed"])
        census = folder / f"cin_census_{tier}.xml"
        write_cin_census(
            str(census),
            children=CIN_CHILDREN[tier],
            year=as_at.year,
            seed=options["seed"],
            sex_schema=not options["gender_current"],
        )
        self.stdout.write(
            f"Wrote {workbook} ({sum(sizes.values())} rows) and {census} "
            f"({CIN_CHILDREN[tier]} children) in {time.perf_counter() - started:.1f} s."
        )
