"""Times the main pages of each role in-process and counts their SQL queries.

Run by ``benchmarks/run.py`` once per data scale, against that scale's database
(``DATABASE_URL``); prints one JSON object. Each page is requested ``--repeat`` times after
``--warm-up`` requests; the server time is the time Django takes to answer, measured around
the WSGI handler with the test client (no network), so it is comparable with the floor page
measured in the same process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks.catalogue import FLOOR, PAGES, Page  # noqa: E402
from safeguarding_qa.accounts.models import User  # noqa: E402
from safeguarding_qa.core.testing import sign_in_recently  # noqa: E402
from safeguarding_qa.demo.personas import PERSONAS_BY_KEY  # noqa: E402


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _client_for(persona: str) -> Client:
    person = User.objects.get(email=PERSONAS_BY_KEY[persona].email)
    return sign_in_recently(Client(), person)


def _warm(page: Page, *, warm_up: int) -> tuple[Client, str]:
    client = _client_for(page.persona)
    url = page.url()
    for _ in range(warm_up):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{page.name}: {url} answered {response.status_code}")
    return client, url


def measure_all(pages: list[Page], *, warm_up: int, repeat: int) -> list[dict[str, object]]:
    """Times every page ``repeat`` times, in rounds (each round requests every page once),
    so that a burst of load from elsewhere on the machine falls on all pages alike rather
    than on whichever page was being measured: the ratios to the floor stay fair."""
    clients = [_warm(page, warm_up=warm_up) for page in pages]
    timings: list[list[float]] = [[] for _ in pages]
    queries: list[set[int]] = [set() for _ in pages]
    for _ in range(repeat):
        for index, (client, url) in enumerate(clients):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                client.get(url)
                timings[index].append((time.perf_counter() - started) * 1000)
            queries[index].add(len(captured.captured_queries))
    return [
        {
            "name": page.name,
            "persona": page.persona,
            "url": url,
            "median_ms": round(statistics.median(timings[index]), 2),
            "p95_ms": round(_percentile(timings[index], 0.95), 2),
            "queries": max(queries[index]),
        }
        for index, (page, (_client, url)) in enumerate(zip(pages, clients, strict=True))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    results = measure_all([FLOOR, *PAGES], warm_up=args.warm_up, repeat=args.repeat)
    print(json.dumps(results))  # noqa: T201


if __name__ == "__main__":
    main()
