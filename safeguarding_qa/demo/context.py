"""What the core demo build hands to each area's demo builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from safeguarding_qa.accounts.models import User
from safeguarding_qa.partnership.models import Group, Organisation


@dataclass
class DemoContext:
    """The demo partnership's organisations, personas, colleagues and groups.

    Area builders run in dependency order (see ``AREA_BUILDERS`` in ``builder``) and may
    leave objects in ``made`` for the builders after them, e.g. ``made["audits"]``.
    """

    organisations: dict[str, Organisation]
    cast: dict[str, User]
    colleagues: list[User]
    groups: list[Group]
    made: dict[str, Any] = field(default_factory=dict)
