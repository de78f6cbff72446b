"""Local development and the demo (``make run``): SQLite, console e-mail, MFA optional."""

from .base import *  # noqa: F403
from .base import env

# An empty SECRET_KEY (say, copied from .env.example) falls back to the development key.
SECRET_KEY = env.str("SECRET_KEY", default="") or "local-development-only-not-secret"
REQUIRE_MFA = env.bool("REQUIRE_MFA", default=False)
DEMO_MODE = True
# Serve static files straight from their folders, no collectstatic needed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# A development-only identifier key, so the demo runs with no set-up; never used in production.
IDENTIFIER_ENCRYPTION_KEYS = env.list("IDENTIFIER_ENCRYPTION_KEYS", default=[]) or [
    "bG9jYWwtZGV2ZWxvcG1lbnQtb25seS1ub3Qta2V5ISE="
]
