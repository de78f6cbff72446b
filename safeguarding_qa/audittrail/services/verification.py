"""Verifying the chain: every event's hash, link and sequence number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..hashing import GENESIS_HASH, HASHED_FIELDS, compute_hash
from ..models import AuditEvent


@dataclass(frozen=True)
class ChainBreak:
    sequence: int
    event_id: int
    kind: str
    reason: str


@dataclass(frozen=True)
class Verification:
    events_checked: int
    first_break: ChainBreak | None
    # The last intact event's hash. The chain cannot show that events were cut off its
    # end, so operators may note this somewhere else and compare it later.
    head_hash: str = GENESIS_HASH

    @property
    def intact(self) -> bool:
        return self.first_break is None


def audit_trail_verify() -> Verification:
    """Walk the whole chain in order; report the first event that does not fit.

    Detects an altered event (its hash no longer matches its fields), a removed or
    inserted event (a gap in the sequence, or a previous-hash that does not link).
    """
    expected_sequence = 1
    previous_hash = GENESIS_HASH
    checked = 0
    rows = (
        AuditEvent.objects.order_by("sequence").values("id", "hash", *HASHED_FIELDS).iterator(2000)
    )
    for row in rows:
        reason = _fault(row, expected_sequence, previous_hash)
        if reason:
            fault = ChainBreak(row["sequence"], row["id"], row["kind"], reason)
            return Verification(checked, fault, previous_hash)
        checked += 1
        expected_sequence = row["sequence"] + 1
        previous_hash = row["hash"]
    return Verification(checked, None, previous_hash)


def _fault(row: dict[str, Any], expected_sequence: int, previous_hash: str) -> str:
    if row["sequence"] != expected_sequence:
        return (
            f"sequence number {row['sequence']} follows {expected_sequence - 1}: "
            "an event before it was removed"
        )
    if row["previous_hash"] != previous_hash:
        return "its previous-hash does not match the event before it"
    if compute_hash(row) != row["hash"]:
        return "its contents no longer match its hash: the event was altered"
    return ""
