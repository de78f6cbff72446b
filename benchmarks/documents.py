"""Times report rendering and case-data imports; prints one JSON object.

Run by ``benchmarks/run.py`` against the 1× database. Each document is built and rendered
to PDF in-process (the work the background task does, without storing the file): the
annual report for the current financial year, the quarterly dashboard report and, when the
reports app provides one, an audit report for the demo's fullest audit. Case-data imports
(import plus every computed indicator, rolled back) are timed per Annex A tier and for a
CIN census, with the files made by ``generate_casedata``'s generators under
``benchmarks/.data/casedata/`` (kept between runs).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from benchmarks.catalogue import COLLATED_AUDIT  # noqa: E402
from safeguarding_qa.casedata.bench import import_and_compute, timed  # noqa: E402
from safeguarding_qa.casedata.models import Source  # noqa: E402
from safeguarding_qa.casedata.synthetic import CIN_CHILDREN, write_annex_a  # noqa: E402
from safeguarding_qa.casedata.synthetic_cin import write_cin_census  # noqa: E402
from safeguarding_qa.reports import builders  # noqa: E402
from safeguarding_qa.reports.renderers.pdf import render_pdf  # noqa: E402

AS_AT = date(2025, 3, 31)
FILES = ROOT / "benchmarks" / ".data" / "casedata"


def _pdf_seconds(build: Any) -> dict[str, float | int]:
    build_seconds, source = timed(build)
    render_seconds, content = timed(lambda: render_pdf(source))
    return {
        "seconds": round(build_seconds + render_seconds, 2),
        "build_seconds": round(build_seconds, 2),
        "render_seconds": round(render_seconds, 2),
        "bytes": len(content),
    }


def documents() -> dict[str, Any]:
    today = timezone.localdate()
    start_year = today.year if today.month >= 4 else today.year - 1
    results: dict[str, Any] = {
        "annual_report_pdf": _pdf_seconds(lambda: builders.annual_report_for(start_year)),
        "dashboard_report_pdf": _pdf_seconds(lambda: builders.dashboard_report_for(None)),
    }
    audit_report_for = getattr(builders, "audit_report_for", None)
    if audit_report_for is None:
        results["audit_report_pdf"] = "not available: the reports app has no audit report yet"
    else:
        from safeguarding_qa.audits.models import Audit

        audit = Audit.objects.get(title=COLLATED_AUDIT)
        results["audit_report_pdf"] = _pdf_seconds(lambda: audit_report_for(audit.pk))
    return results


def imports(tiers: list[str]) -> dict[str, Any]:
    FILES.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    for tier in tiers:
        path = FILES / f"annex_a_{tier}.xlsx"
        if not path.exists():
            write_annex_a(str(path), tier=tier, as_at=AS_AT, seed=1)
        seconds, parsed = timed(partial(import_and_compute, path, Source.ANNEX_A, AS_AT))
        rows = sum(parsed.counts.values()) if parsed else 0
        results[f"annex_a_{tier}"] = {"seconds": round(seconds, 2), "rows": rows}
    for tier in tiers:
        path = FILES / f"cin_census_{tier}.xml"
        if not path.exists():
            write_cin_census(str(path), children=CIN_CHILDREN[tier], year=2025, seed=1)
        seconds, parsed = timed(partial(import_and_compute, path, Source.CIN_CENSUS, None))
        children = len(parsed.children) if parsed else 0
        results[f"cin_census_{tier}"] = {"seconds": round(seconds, 2), "children": children}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--tier", action="append", choices=["S", "M", "L", "XL"], help="default: S and M"
    )
    args = parser.parse_args()
    result = {"reports": documents(), "casedata_imports": imports(args.tier or ["S", "M"])}
    print(json.dumps(result))  # noqa: T201


if __name__ == "__main__":
    main()
