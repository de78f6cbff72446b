"""Benchmarks: import and indicator time per tier beside the bare-read floor, peak memory.

Everything runs inside a transaction that is rolled back, so benchmarking never leaves
data behind. Targets (issue 6): tier L imported and computed in under 10 s and within 3×
of a bare read; a CIN census of about 10,000 children end to end in under 1.5 s.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from lxml import etree

from .importers.common import Parsed
from .selectors import computed_indicators
from .services.imports import casedata_import
from .xlsx import Workbook


@dataclass
class Timing:
    name: str
    seconds: float
    floor: float
    peak_mb: float

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor if self.floor else 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def cpu_seconds() -> float:
    """CPU time (user and system) of this process, all its threads, and its finished
    children. On a busy shared machine wall time mostly measures the other jobs; CPU time
    is what the work itself costs (Polars' threads can make it exceed the wall time)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu_timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, CPU seconds and the result of ``work()``."""
    cpu = cpu_seconds()
    seconds, result = timed(work)
    return seconds, cpu_seconds() - cpu, result


def bare_workbook_read(path: Path) -> int:
    workbook = Workbook(str(path))
    return sum(len(values) for sheet in workbook.sheets for _, values in workbook.rows(sheet))


def bare_xml_read(path: Path) -> int:
    count = 0
    for _, element in etree.iterparse(str(path), resolve_entities=False, no_network=True):
        count += 1
        element.clear()
    return count


def import_and_compute(path: Path, source: str, as_at: Any) -> Parsed | None:
    """Import and compute every indicator (the import does), then roll back."""
    with transaction.atomic():
        outcome = casedata_import(
            access=None,
            source=source,
            file=str(path),
            file_name=path.name,
            as_at=as_at,
            child_population=80_000,
        )
        if outcome.snapshot is None:
            raise RuntimeError(f"{path.name} did not import: {outcome.refused}")
        if outcome.indicators is None:  # pragma: no cover - the import computes them
            computed_indicators(snapshot=outcome.snapshot)
        transaction.set_rollback(True)
    return outcome.parsed


def repeated_cin_fixture(target: Path, times: int = 30) -> Path | None:
    """The shared 332-child fixture repeated with unique IDs (about 10,000 children)."""
    source = Path(settings.BASE_DIR).parent / "shared" / "fixtures" / "cin_census_sample_332.xml"
    if not source.exists():
        return None
    text = source.read_text()
    start, end = text.index("<Children>") + len("<Children>"), text.index("</Children>")
    children = text[start:end]
    copies = [
        re.sub(r"<LAchildID>(.*?)</LAchildID>", rf"<LAchildID>\g<1>-{n}</LAchildID>", children)
        for n in range(times)
    ]
    target.write_text(text[:start] + "".join(copies) + text[end:])
    return target


def start_up_seconds() -> float:
    """How long ``manage.py`` takes to start and load the import command (``--help``)."""
    return manage_run("import_cin_census", "--help")


def end_to_end_seconds(path: Path) -> float:
    """``manage.py import_cin_census FILE --dry-run`` in a new process: start-up, parse,
    validation, storage and indicators, all rolled back at the end."""
    return manage_run("import_cin_census", str(path), "--dry-run")


def manage_run(*arguments: str) -> float:
    """Wall seconds of ``manage.py`` with ``arguments`` in a new process."""
    manage = Path(settings.BASE_DIR) / "manage.py"
    started = time.perf_counter()
    subprocess.run(  # noqa: S603  (our own interpreter and manage.py)
        [sys.executable, str(manage), *arguments], capture_output=True, check=True
    )
    return time.perf_counter() - started
