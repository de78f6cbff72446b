"""``make bench``: builds 1× and 100× databases, times pages and a load test, checks budgets.

Budgets (docs/performance.md): every page's median and p95 within 3× of the floor page at
1×; each page's median at 100× within 1.5× of its median at 1×; identical query counts at
1× and 100×; under load, no errors and p95 under 300 ms. Results go to
``benchmarks/results/`` as JSON and Markdown; a missed budget is printed and exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import run_load  # noqa: E402

PYTHON = sys.executable
DATA = ROOT / "benchmarks" / ".data"
RESULTS = ROOT / "benchmarks" / "results"
PAGE_RATIO_BUDGET = 3.0
SCALE_RATIO_BUDGET = 1.5
LOAD_P95_BUDGET_MS = 300.0
# A signed-in person reads a page before asking for the next: 1 to 3 seconds, at random, is
# a brisk user (people reading a register or a collation take far longer). Without think
# time 50 "users" are 50 request loops, a load no partnership of people produces.
THINK_SECONDS = (1.0, 3.0)
WARM_UP_SECONDS = 5.0


def _env(database: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "DATABASE_URL": f"sqlite:///{database}",
    }


def _manage(database: Path, *args: str) -> None:
    subprocess.run(  # noqa: S603  (our own interpreter and scripts)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=_env(database), check=True
    )


def build_database(scale: int, *, rebuild: bool) -> tuple[Path, float | None]:
    """The database for one scale; built (and timed) only when missing or asked to."""
    DATA.mkdir(parents=True, exist_ok=True)
    database = DATA / f"scale-{scale}.sqlite3"
    if database.exists() and not rebuild:
        # Bring a kept database up to the code's migrations (new indexes, new columns).
        _manage(database, "migrate", "--verbosity", "0")
        return database, None
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    _manage(database, "migrate", "--verbosity", "0")
    _manage(database, "seed_demo", "--scale", str(scale))
    return database, round(time.perf_counter() - started, 1)


def time_pages(database: Path, *, repeat: int) -> list[dict[str, Any]]:
    output = subprocess.run(  # noqa: S603
        [PYTHON, "benchmarks/pages.py", "--repeat", str(repeat)],
        cwd=ROOT,
        env=_env(database),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _server_cpu_seconds(master: int) -> float:
    """CPU time used so far by gunicorn's master and workers (Linux ``/proc``; else 0)."""
    total = 0
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.parent.name) == master or int(fields[1]) == master:
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / os.sysconf("SC_CLK_TCK") if total else 0.0


def load_test(database: Path, *, seconds: float, users: int, port: int) -> dict[str, Any]:
    sessions = json.loads(
        subprocess.run(  # noqa: S603
            [PYTHON, "benchmarks/sessions.py"],
            cwd=ROOT,
            env=_env(database),
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    workers = 2 * (os.cpu_count() or 1) + 1
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=_env(database),
        # The access log (gunicorn.conf.py) is still written, but not over the table.
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(4)
        figures: dict[str, Any] = {}
        for name, group in (("mix", sessions["mix"]), ("floor", [sessions["floor"]])):
            pairs = [(entry["cookie"], entry["paths"]) for entry in group]
            # A few seconds of the same requests, not measured, so that every worker has
            # compiled its templates and filled its caches: a served site is warm.
            run_load(
                port=port,
                sessions=pairs,
                users=workers * 2,
                seconds=WARM_UP_SECONDS,
                max_requests=workers * 40,
                think=(0.0, 0.05),
            )
            cpu_before = _server_cpu_seconds(server.pid)
            result = run_load(
                port=port,
                sessions=pairs,
                users=users,
                seconds=seconds,
                max_requests=int(seconds * users * 4),
                think=THINK_SECONDS,
            )
            cpu = _server_cpu_seconds(server.pid) - cpu_before
            # The server's own CPU per request, and the machine's load average: together they
            # tell a slow application from a machine busy with other work.
            figures[name] = {
                **result.summary(),
                "server_cpu_ms_per_request": round(cpu * 1000 / max(result.requests, 1), 1),
                "server_cores_used": round(cpu / result.seconds, 2) if result.seconds else 0.0,
                "load_average_1min": round(os.getloadavg()[0], 2),
            }
        figures["workers"] = workers
        figures["think_seconds"] = list(THINK_SECONDS)
        return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "database": "SQLite (WAL)",
    }


def check_budgets(pages: dict[int, list[dict[str, Any]]]) -> list[str]:
    """Every missed budget, in words that say which page and by how much."""
    failures: list[str] = []
    small, large = pages[min(pages)], pages[max(pages)]
    floor = small[0]
    for before, after in zip(small[1:], large[1:], strict=True):
        name = before["name"]
        for stat in ("median_ms", "p95_ms"):
            ratio = float(before[stat]) / float(floor[stat])
            if ratio > PAGE_RATIO_BUDGET:
                failures.append(
                    f"{name}: {stat} at 1× is {ratio:.2f}× the floor (budget {PAGE_RATIO_BUDGET}×)"
                )
        growth = float(after["median_ms"]) / float(before["median_ms"])
        if growth > SCALE_RATIO_BUDGET:
            failures.append(
                f"{name}: median at the large scale is {growth:.2f}× its 1× time "
                f"(budget {SCALE_RATIO_BUDGET}×)"
            )
        if before["queries"] != after["queries"]:
            failures.append(
                f"{name}: {before['queries']} queries at 1× but {after['queries']} at 100×"
            )
    return failures


def markdown(report: dict[str, Any]) -> str:
    pages: dict[str, list[dict[str, Any]]] = report["pages"]
    small, large = pages["1"], pages[str(report["large_scale"])]
    floor_small, floor_large = small[0], large[0]
    lines = [
        f"# Benchmark {report['when']}",
        "",
        f"Machine: {report['machine']}",
        "",
        "| Page | Persona | 1× median ms | 1× p95 ms | ×floor | big median ms | ×floor "
        "| big/1× | queries 1×/big |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for a, b in zip(small, large, strict=True):
        lines.append(
            f"| {a['name']} | {a['persona']} | {a['median_ms']} | {a['p95_ms']} | "
            f"{float(a['median_ms']) / float(floor_small['median_ms']):.2f} | {b['median_ms']} | "
            f"{float(b['median_ms']) / float(floor_large['median_ms']):.2f} | "
            f"{float(b['median_ms']) / float(a['median_ms']):.2f} | {a['queries']}/{b['queries']} |"
        )
    if report.get("load"):
        lines += [
            "",
            "## Load test",
            "",
            "| Workload | requests | errors | req/s | p50 | p95 | p99 | server CPU ms/request "
            "| server cores used | load average |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        load: dict[str, dict[str, Any]] = report["load"]
        think: Any = load.get("think_seconds") or ["?", "?"]
        lines[-2:-2] = [
            f"gunicorn, {load.get('workers')} sync workers, preloaded; {report.get('users')} "
            f"signed-in users for {report.get('load_seconds')} s, each thinking "
            f"{think[0]}–{think[1]} s between pages, after a {WARM_UP_SECONDS:.0f} s warm-up.",
            "",
        ]
        for name in ("mix", "floor"):
            row = load[name]
            lines.append(
                f"| {name} | {row['requests']} | {row['errors']} | {row['throughput_rps']} | "
                f"{row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | "
                f"{row.get('server_cpu_ms_per_request', '')} | "
                f"{row.get('server_cores_used', '')} | {row.get('load_average_1min', '')} |"
            )
    for extra in ("seeding_seconds", "documents"):
        if report.get(extra):
            lines += [
                "",
                f"## {extra.replace('_', ' ').capitalize()}",
                "",
                "```",
                json.dumps(report[extra], indent=2),
                "```",
            ]
    failures: list[str] = report["failures"]
    lines += ["", "## Budgets", ""] + (
        [f"- MISSED: {f}" for f in failures] or ["- All budgets met."]
    )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100, help="the large scale (default 100)")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the databases")
    parser.add_argument("--no-load", action="store_true", help="skip the load test")
    args = parser.parse_args()

    seeding: dict[str, float] = {}
    pages: dict[int, list[dict[str, Any]]] = {}
    databases: dict[int, Path] = {}
    for scale in (1, args.scale):
        database, seconds = build_database(scale, rebuild=args.rebuild)
        databases[scale] = database
        if seconds is not None:
            seeding[f"{scale}x"] = seconds
        pages[scale] = time_pages(database, repeat=args.repeat)
    load = None
    if not args.no_load:
        load = load_test(
            databases[args.scale], seconds=args.load_seconds, users=args.users, port=8765
        )
    documents = (
        subprocess.run(  # noqa: S603
            [PYTHON, "benchmarks/documents.py"],
            cwd=ROOT,
            env=_env(databases[1]),
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    failures = check_budgets(pages)
    if load is not None:
        mix = load["mix"]
        if mix["errors"]:
            failures.append(f"load test: {mix['errors']} errors (budget 0)")
        if float(mix["p95_ms"]) > LOAD_P95_BUDGET_MS:
            failures.append(f"load test: p95 {mix['p95_ms']} ms (budget {LOAD_P95_BUDGET_MS} ms)")
    when = datetime.now(tz=UTC).strftime("%Y-%m-%dT%H%M%SZ")
    report = {
        "when": when,
        "machine": machine(),
        "large_scale": args.scale,
        "users": args.users,
        "load_seconds": args.load_seconds,
        "pages": {str(k): v for k, v in pages.items()},
        "load": load,
        "seeding_seconds": seeding,
        "documents": json.loads(documents),
        "failures": failures,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{when}.json").write_text(json.dumps(report, indent=2))
    text = markdown(report)
    (RESULTS / f"{when}.md").write_text(text)
    (RESULTS / "latest.md").write_text(text)
    print(text)  # noqa: T201
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
