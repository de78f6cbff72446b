"""Protected identifiers: text encrypted at rest with ``settings.IDENTIFIER_ENCRYPTION_KEYS``.

The first key encrypts; every key decrypts (``MultiFernet``), so keys can be rotated. Audit
cases (through ``audits.identifiers.EncryptedTextField``) and serious incidents in
``reviews`` both keep their real identifiers this way, with the same keys.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _cipher() -> MultiFernet:
    keys = list(getattr(settings, "IDENTIFIER_ENCRYPTION_KEYS", []) or [])
    if not keys:
        raise ImproperlyConfigured("IDENTIFIER_ENCRYPTION_KEYS must hold at least one Fernet key.")
    return MultiFernet([Fernet(key) for key in keys])


def encrypt_text(value: str) -> str:
    """``value`` encrypted with the first key; the empty string stays empty."""
    if value == "":
        return ""
    return _cipher().encrypt(value.encode()).decode()


def decrypt_text(token: str) -> str:
    """The plain text of a token made by ``encrypt_text`` with any configured key."""
    if token == "":
        return ""
    try:
        return _cipher().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError("The identifier cannot be decrypted with the configured keys.") from error


def rotate_text(token: str) -> str:
    """Re-encrypt ``token`` with the first (newest) key."""
    return token if token == "" else _cipher().rotate(token.encode()).decode()
