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
    """The JSON value as the database will give it back (dates as strings, and so on)."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def compute_hash(fields: dict[str, Any]) -> str:
    """SHA-256 over a canonical JSON rendering of the hashed fields."""
    payload = {name: fields[name] for name in HASHED_FIELDS}
    payload["occurred_at"] = _timestamp(payload["occurred_at"])
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
