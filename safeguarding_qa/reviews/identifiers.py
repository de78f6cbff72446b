"""Encryption of an incident's real identifiers (name, date of birth, case numbers).

A small MultiFernet helper over ``settings.IDENTIFIER_ENCRYPTION_KEYS``: the first key
encrypts, every key decrypts, so keys can be rotated. It mirrors what audit cases need;
the two helpers should be merged once ``audits.identifiers`` exists.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _fernet() -> MultiFernet:
    keys = list(getattr(settings, "IDENTIFIER_ENCRYPTION_KEYS", []) or [])
    if not keys:
        raise ImproperlyConfigured("IDENTIFIER_ENCRYPTION_KEYS must hold at least one Fernet key.")
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(plain: str) -> str:
    """The encrypted token for ``plain``; an empty string stays empty."""
    if not plain:
        return ""
    return _fernet().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    """The plain text of a token; raises ``ValueError`` when no key opens it."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError("The identifiers cannot be decrypted with the configured keys.") from error
