"""The base policy: one class per model answers, with the same code, three questions.

* may this person do this action at all?            ``can(access, action)``
* may they do it to this object?                    ``can(access, action, obj)``
* which objects may they see?                       ``scope(access)``

Objects are fetched through ``get_or_404``: an object outside the person's scope is a 404,
exactly like a missing one, so nothing leaks about what exists elsewhere. An object inside
scope that the action is refused on is a 403.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from .context import Access

M = TypeVar("M", bound=Model)


class Policy(Generic[M]):
    """Subclasses set ``model`` and ``actions`` and implement ``scope`` and ``allows``."""

    model: ClassVar[type[Model]]
    # action name -> sentence describing who may do it (used for the generated docs).
    actions: ClassVar[dict[str, str]] = {}

    def scope(self, access: Access) -> QuerySet[M]:
        """The objects this person may see at all. Default: nothing."""
        return self.model._default_manager.none()  # type: ignore[return-value]

    def allows(self, access: Access, action: str, obj: M | None) -> bool:
        """Whether the action is allowed; ``obj`` is None for the "at all" question."""
        raise NotImplementedError

    def can(self, access: Access, action: str, obj: M | None = None) -> bool:
        if action not in self.actions:
            raise ValueError(f"{type(self).__name__} has no action {action!r}.")
        if not access.is_authenticated:
            return False
        return self.allows(access, action, obj)

    def require(self, access: Access, action: str, obj: M | None = None) -> None:
        if not self.can(access, action, obj):
            raise PermissionDenied

    def get_or_404(self, access: Access, action: str, **lookup: Any) -> M:
        """Fetch through the scope (404 when outside it), then check the action (403)."""
        obj = self.scope(access).filter(**lookup).first()
        if obj is None:
            raise Http404
        self.require(access, action, obj)
        return obj


_registry: dict[str, Policy[Any]] = {}


def register(policy: Policy[M]) -> Policy[M]:
    """Record a policy so the permissions documentation can list it."""
    key = policy.model._meta.label
    if key in _registry:
        raise ValueError(f"A policy for {key} is already registered.")
    _registry[key] = policy
    return policy


def registered_policies() -> dict[str, Policy[Any]]:
    return dict(sorted(_registry.items()))
