"""Who may create and revoke API tokens: the people who may submit the organisation's
returns (its lead; administrators for any organisation)."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability

from .models import ApiToken


class ApiTokenPolicy(Policy[ApiToken]):
    model = ApiToken
    actions = {
        "manage": (
            "Agency leads create and revoke their own organisation's tokens; "
            "administrators any organisation's."
        ),
    }

    def scope(self, access: Access) -> QuerySet[ApiToken]:
        if not access.can(Capability.INDICATOR_RETURNS_SUBMIT):
            return ApiToken.objects.none()
        tokens = ApiToken.objects.select_related("organisation", "created_by")
        if access.sees_partnership:
            return tokens
        return tokens.filter(organisation_id=access.organisation_id or 0)

    def allows(self, access: Access, action: str, obj: ApiToken | None) -> bool:
        if not access.can(Capability.INDICATOR_RETURNS_SUBMIT):
            return False
        if obj is None or access.sees_partnership:
            return True
        return access.in_organisation(obj.organisation_id)


tokens = ApiTokenPolicy()
register(tokens)
