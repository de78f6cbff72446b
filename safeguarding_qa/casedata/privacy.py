"""Child identifiers: keyed hashes, so snapshots match without storing the raw ID.

The hashing key is derived from the first identifier-encryption key (a partnership secret
from the environment), with a fixed context string so that it never equals the encryption
key itself. Anyone without the secret cannot turn a hash back into an ID by trying every
likely ID, which a plain SHA-256 would allow.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_CONTEXT = b"safeguarding-qa/casedata/child-key/v1"


@lru_cache(maxsize=4)
def _key_for(secret: str) -> bytes:
    return hmac.new(secret.encode(), _CONTEXT, hashlib.sha256).digest()


def hashing_key() -> bytes:
    """The HMAC key, derived from ``settings.IDENTIFIER_ENCRYPTION_KEYS[0]``."""
    keys = getattr(settings, "IDENTIFIER_ENCRYPTION_KEYS", [])
    if not keys:
        raise ImproperlyConfigured(
            "IDENTIFIER_ENCRYPTION_KEYS must be set to import case-level data."
        )
    return _key_for(str(keys[0]))


def normalise_child_id(raw: object) -> str:
    """The ID as text: whitespace and non-breaking spaces stripped, leading zeros kept,
    and a whole number read from a spreadsheet written without a trailing ``.0``."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).replace("\xa0", " ").strip()


def child_key(raw: object, *, key: bytes | None = None) -> str:
    """The keyed hash (HMAC-SHA256, hex) of a child's LA ID."""
    secret = key if key is not None else hashing_key()
    text = normalise_child_id(raw)
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def child_keys(raws: Iterable[object], *, key: bytes, known: dict[object, str]) -> None:
    """Add the keyed hash of each ID in ``raws`` not yet in ``known`` (the same value as
    ``child_key``). One keyed state is copied per ID instead of keying HMAC afresh each
    time, which halves the cost for the hundreds of thousands of IDs in a large file."""
    keyed = hmac.new(key, digestmod=hashlib.sha256)
    for raw in raws:
        if raw not in known:
            mac = keyed.copy()
            mac.update(normalise_child_id(raw).encode())
            known[raw] = mac.hexdigest()


def child_key_matches(raw: object, stored: str) -> bool:
    """Whether a typed LA ID is the child behind a stored key (for adding to an audit)."""
    return hmac.compare_digest(child_key(raw), stored)


def birth_month(value: date | None) -> date | None:
    """A date of birth reduced to the first of its month (data minimisation)."""
    return value.replace(day=1) if value is not None else None
