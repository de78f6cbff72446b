"""Benchmarks (``make bench``): the local stack with debugging off, as a deployment runs."""

from .local import *  # noqa: F403
from .local import DATABASES

DEBUG = False
# The in-process test client ("testserver") and gunicorn on loopback.
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WHITENOISE_AUTOREFRESH = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Persistent database connections, as a gunicorn deployment should have them. On SQLite
# without them each request opens the database and, closing the last connection, checkpoints
# the write-ahead log to disk: about 30 ms a request under load (docs/performance.md).
# ``base._tune_database`` sets this for PostgreSQL only; it should for SQLite too.
DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
