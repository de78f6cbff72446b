"""The test suite: fast hashing, in-memory e-mail, plain static storage."""

from .base import *  # noqa: F403
from .base import DATABASES, env

SECRET_KEY = "test-only-not-secret"  # noqa: S105
REQUIRE_MFA = False
DEMO_MODE = True
# Argon2 is asserted by its own test; everything else hashes quickly.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# A fixed test-only key; tests of rotation and of a missing key set their own.
IDENTIFIER_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTMyYnl0ZXM="]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default="/tmp/safeguarding-qa-test-media")  # noqa: S108

if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # Django empties tables with TRUNCATE after transactional (live server) tests; the audit
    # trail's trigger allows that only when this is on (audittrail migration 0003).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c audittrail.allow_truncate=on"
