"""One ``Access`` per request: who is asking, in which organisation, with which role."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied

from .roles import Capability, Reach, Role, capabilities_of, reach_of


@dataclass(frozen=True)
class Access:
    """The authorisation facts about one person, computed once and passed to policies."""

    user: Any
    role: Role | None
    organisation_id: int | None
    capabilities: frozenset[Capability] = field(default_factory=frozenset)
    reach: Reach | None = None

    @classmethod
    def for_user(cls, user: Any) -> Access:
        if user is None or not user.is_authenticated or not user.is_active:
            return cls(user=user, role=None, organisation_id=None)
        role = Role(user.role) if user.role else None
        return cls(
            user=user,
            role=role,
            organisation_id=user.organisation_id,
            capabilities=capabilities_of(role),
            reach=reach_of(role),
        )

    @property
    def is_authenticated(self) -> bool:
        return self.role is not None

    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.is_authenticated else None

    @property
    def sees_partnership(self) -> bool:
        return self.reach == Reach.PARTNERSHIP

    def can(self, capability: Capability | str) -> bool:
        return Capability(capability) in self.capabilities

    def require(self, capability: Capability | str) -> None:
        if not self.can(capability):
            raise PermissionDenied

    def in_organisation(self, organisation_id: int | None) -> bool:
        return organisation_id is not None and organisation_id == self.organisation_id
