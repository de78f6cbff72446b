"""manage.py bench_casedata --tier S|M|L|XL: import and indicator timings beside the floor."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from safeguarding_qa.casedata.bench import (
    bare_workbook_read,
    bare_xml_read,
    cpu_timed,
    end_to_end_seconds,
    import_and_compute,
    peak_mb,
    repeated_cin_fixture,
    start_up_seconds,
)
from safeguarding_qa.casedata.models import Source
from safeguarding_qa.casedata.synthetic import CIN_CHILDREN, TIERS, write_annex_a
from safeguarding_qa.casedata.synthetic_cin import write_cin_census

AS_AT = date(2025, 3, 31)


class Command(BaseCommand):
    help = "Benchmark case-data imports and indicators (nothing is kept in the database)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--tier", choices=sorted(TIERS), action="append")
        parser.add_argument("--out", default="var/bench", help="Where generated files go.")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["out"])
        folder.mkdir(parents=True, exist_ok=True)
        self.stdout.write(
            f"{'':<38} {'wall':>9} {'cpu':>9}   {'floor wall':>10} {'cpu':>7}   "
            f"{'ratio':>5} {'cpu':>5}   peak"
        )
        for tier in options["tier"] or ["S", "M", "L"]:
            self._annex_a(folder, tier)
        self._cin(folder)

    def _report(self, name: str, work: tuple[float, float], floor: tuple[float, float]) -> None:
        (seconds, cpu), (floor_seconds, floor_cpu) = work, floor
        ratio = seconds / floor_seconds if floor_seconds else 0
        cpu_ratio = cpu / floor_cpu if floor_cpu else 0
        self.stdout.write(
            f"{name:<38} {seconds:7.2f} s {cpu:7.2f} s   {floor_seconds:8.2f} s {floor_cpu:5.2f} s"
            f"   ×{ratio:4.1f} ×{cpu_ratio:4.1f}   {peak_mb():5.0f} MB"
        )

    def _annex_a(self, folder: Path, tier: str) -> None:
        path = folder / f"annex_a_{tier}.xlsx"
        if not path.exists():
            write_annex_a(str(path), tier=tier, as_at=AS_AT, seed=1)
        floor, floor_cpu, cells = cpu_timed(lambda: bare_workbook_read(path))
        seconds, cpu, parsed = cpu_timed(lambda: import_and_compute(path, Source.ANNEX_A, AS_AT))
        rows = sum(parsed.counts.values()) if parsed else 0
        name = f"Annex A {tier} ({rows} rows, {cells} cells)"
        self._report(name, (seconds, cpu), (floor, floor_cpu))

    def _cin(self, folder: Path) -> None:
        path = repeated_cin_fixture(folder / "cin_census_fixture_x30.xml")
        if path is None:
            path = folder / "cin_census_10k.xml"
            write_cin_census(str(path), children=10_000, year=2025, seed=1)
        floor, floor_cpu, _ = cpu_timed(lambda: bare_xml_read(path))
        seconds, cpu, parsed = cpu_timed(lambda: import_and_compute(path, Source.CIN_CENSUS, None))
        children = parsed.child_count if parsed else 0
        self._report(f"CIN census ({children} children)", (seconds, cpu), (floor, floor_cpu))
        start_up, start_up_cpu, _ = cpu_timed(start_up_seconds)
        end_to_end, end_to_end_cpu, _ = cpu_timed(lambda: end_to_end_seconds(path))
        self.stdout.write(
            f"{'  manage.py import_cin_census FILE':<38} {end_to_end:7.2f} s "
            f"{end_to_end_cpu:7.2f} s   new process, end to end (target 1.5 s)\n"
            f"{'    of which start-up (--help)':<38} {start_up:7.2f} s {start_up_cpu:7.2f} s"
        )
        generated = folder / "cin_census_L.xml"
        if not generated.exists():
            write_cin_census(str(generated), children=CIN_CHILDREN["L"], year=2025, seed=1)
        floor, floor_cpu, _ = cpu_timed(lambda: bare_xml_read(generated))
        seconds, cpu, _ = cpu_timed(lambda: import_and_compute(generated, Source.CIN_CENSUS, None))
        name = f"CIN census L ({CIN_CHILDREN['L']} children)"
        self._report(name, (seconds, cpu), (floor, floor_cpu))
