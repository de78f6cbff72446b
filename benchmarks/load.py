"""A bounded load test: signed-in users against gunicorn (sync workers) on loopback.

Each simulated user holds its own session and loops over a mix of pages, pausing between
requests as a person reading a page would (a random think time between ``think`` seconds'
bounds, seeded per user so runs are comparable), until the time is up or the request cap is
reached. Stops by itself; reports throughput, percentiles and errors.
"""

from __future__ import annotations

import http.client
import random
import statistics
import threading
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    requests: int = 0
    errors: int = 0
    timings_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, float | int]:
        ordered = sorted(self.timings_ms) or [0.0]

        def pct(fraction: float) -> float:
            return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 1)

        return {
            "requests": self.requests,
            "errors": self.errors,
            "throughput_rps": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "mean_ms": round(statistics.fmean(ordered), 1),
        }


def run_load(
    *,
    port: int,
    sessions: list[tuple[str, list[str]]],
    users: int,
    seconds: float,
    max_requests: int,
    think: tuple[float, float],
) -> LoadResult:
    """``sessions`` holds (cookie header, paths) per persona; users take them in turn."""
    result = LoadResult()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def user(index: int) -> None:
        cookie, paths = sessions[index % len(sessions)]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        pauses = random.Random(index)  # noqa: S311  (timing jitter, not security)
        step = index
        while time.monotonic() < deadline:
            with lock:
                if result.requests >= max_requests:
                    return
                result.requests += 1
            path = paths[step % len(paths)]
            step += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                failed = response.status != 200
            except (OSError, http.client.HTTPException):
                failed = True
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                result.timings_ms.append(elapsed)
                result.errors += int(failed)
            time.sleep(pauses.uniform(*think))

    started = time.monotonic()
    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    for thread in threads:
        thread.start()
        time.sleep(think[1] / users)  # users arrive over one think time, not all at once
    for thread in threads:
        thread.join(timeout=seconds + 60)
    result.seconds = time.monotonic() - started
    return result
