"""Benchmarks (``make bench``): the local stack with debugging off, as a deployment runs."""

from .local import *  # noqa: F403

DEBUG = False
# The in-process test client ("testserver") and gunicorn on loopback.
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WHITENOISE_AUTOREFRESH = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Persistent connections come from ``base._tune_database`` (docs/performance.md).
