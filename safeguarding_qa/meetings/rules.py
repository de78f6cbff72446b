"""Named rules for meetings."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

DEFAULT_QUORUM_ORGANISATIONS = 3


def quorum_organisations() -> int:
    """How many organisations must be present for a quorum (setting
    ``MEETINGS_QUORUM_ORGANISATIONS``, default 3)."""
    return int(getattr(settings, "MEETINGS_QUORUM_ORGANISATIONS", DEFAULT_QUORUM_ORGANISATIONS))


@dataclass(frozen=True)
class Quoracy:
    is_quorate: bool
    organisations_present: list[str]
    missing_statutory_partners: list[str]
    required_organisations: int


def meeting_quoracy(
    *, present: dict[int, str], statutory_members: dict[int, str], required: int
) -> Quoracy:
    """A meeting is quorate when the people present come from at least ``required``
    different organisations AND every statutory partner (local authority, integrated care
    board, police) with a current member in the group is represented by someone present.

    ``present`` and ``statutory_members`` map organisation ids to names.
    """
    missing = sorted(name for pk, name in statutory_members.items() if pk not in present)
    return Quoracy(
        is_quorate=len(present) >= required and not missing,
        organisations_present=sorted(present.values()),
        missing_statutory_partners=missing,
        required_organisations=required,
    )


def decision_needs_action_details(
    *, action_needed: bool, organisation: object, due: object
) -> bool:
    """A decision that calls for an action must name the organisation and a due date."""
    return not action_needed or (organisation is not None and due is not None)
