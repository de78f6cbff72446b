"""The hash chain: how an event's hash is computed from its fields and its predecessor."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

GENESIS_HASH = "0" * 64

# The fields the hash covers, in a fixed order. Adding a field here breaks every old
# hash, so a new field needs a new chain version rather than a quiet edit.
HASHED_FIELDS = (
    "sequence",
    "kind",
    "occurred_at",
    "actor_id",
    "actor_name",
    "organisation_id",
    "organisation_name",
    "target_type",
    "target_id",
    "target_description",
    "request_id",
    "ip_address",
    "before",
    "after",
    "data",
    "previous_hash",
)


def normalise_json(value: Any) -> Any:
    """The JSON value as every supported database will give it back, so its hash holds.

    Dates become ISO strings (DjangoJSONEncoder). Whole-number floats become integers,
    because PostgreSQL's jsonb gives ``1e+16`` back as ``10000000000000000``. NaN and
    infinity are refused: jsonb cannot store them. NUL characters, which PostgreSQL refuses
    in text, become U+FFFD so that recording an event never fails over one odd character.
    """
    if value is None:
        return None
    text = json.dumps(value, cls=DjangoJSONEncoder, allow_nan=False)
    return _without_nul(json.loads(text, parse_float=_number))


def _number(text: str) -> int | float:
    number = float(text)
    return int(number) if number.is_integer() else number


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return without_nul(value)
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    return value


def without_nul(text: str) -> str:
    """Text safe for a PostgreSQL text column."""
    return text.replace("\x00", "\ufffd")


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def compute_hash(fields: dict[str, Any]) -> str:
    """SHA-256 over a canonical JSON rendering of the hashed fields."""
    payload = {name: fields[name] for name in HASHED_FIELDS}
    payload["occurred_at"] = _timestamp(payload["occurred_at"])
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
