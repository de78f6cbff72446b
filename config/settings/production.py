"""Production: secrets are mandatory, HTTPS everywhere, MFA required."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import IDENTIFIER_ENCRYPTION_KEYS, SECRET_KEY, env

if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to at least 50 random characters.")
if not IDENTIFIER_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "IDENTIFIER_ENCRYPTION_KEYS must hold at least one Fernet key (see docs/operations.md)."
    )

DEBUG = False
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
