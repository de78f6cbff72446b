"""gunicorn settings for production: sync workers (measured best p95 on 2-core machines).

The application is loaded once in the master (``preload_app``) and every view module is
imported there (``when_ready``), so that workers are forked warm: without it each new
worker (at start, and every ``max_requests``) paid several seconds on its first request,
importing the views and the libraries they use, while requests queued behind it.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
max_requests = 2000
max_requests_jitter = 200
preload_app = True
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server: object) -> None:
    """Imports the URLconf (every app's views) in the master before workers are forked."""
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (the import is the point)
    # Forked workers must not share a database connection the master may have opened.
    connections.close_all()
