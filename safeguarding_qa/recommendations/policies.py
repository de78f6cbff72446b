"""Who may see and change recommendations, actions, their progress and evidence.

Recommendations are partnership-wide outcomes: everyone with ``REGISTER_VIEW`` and
partnership or organisation reach sees all of them. Actions belong to one organisation:
partnership-wide roles see every action, agency leads only their own organisation's, and
people whose reach is what is assigned to them (agency auditors) only actions they own.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability, Reach

from .choices import OPEN_STATUSES, ActionStatus
from .models import Action, ImpactEvidence, ProgressUpdate, Recommendation


def _action_reach(access: Access, prefix: str = "") -> Q | None:
    """The actions this person's reach covers (None: every action)."""
    if access.reach == Reach.PARTNERSHIP:
        return None
    if access.reach == Reach.ORGANISATION:
        return Q(**{f"{prefix}organisation_id": access.organisation_id})
    return Q(**{f"{prefix}owner_id": access.user_id})


class RecommendationPolicy(Policy[Recommendation]):
    model = Recommendation
    actions = {
        "view": "Everyone signed in sees the register (agency auditors: recommendations "
        "with an action they own).",
        "manage": "Partnership administrators and the chair add and change recommendations "
        "and actions, and add impact evidence.",
        "embed": "Partnership administrators and the chair mark a recommendation embedded, "
        "only with impact evidence.",
    }

    def scope(self, access: Access) -> QuerySet[Recommendation]:
        if not access.can(Capability.REGISTER_VIEW):
            return Recommendation.objects.none()
        if access.reach in (Reach.PARTNERSHIP, Reach.ORGANISATION):
            return Recommendation.objects.all()
        owned = Action.objects.filter(owner_id=access.user_id).values("recommendation_id")
        return Recommendation.objects.filter(pk__in=owned)

    def allows(self, access: Access, action: str, obj: Recommendation | None) -> bool:
        if action == "view":
            return access.can(Capability.REGISTER_VIEW)
        if action == "manage":
            return access.can(Capability.REGISTER_MANAGE)
        return access.can(Capability.ACTIONS_SIGN_OFF)


class ActionPolicy(Policy[Action]):
    model = Action
    actions = {
        "view": "Partnership-wide roles see every action; agency leads their own "
        "organisation's; agency auditors the actions they own.",
        "manage": "Partnership administrators and the chair change actions.",
        "update": "Agency leads record progress on their own organisation's open actions; "
        "partnership administrators on any.",
        "sign_off": "Partnership administrators and the chair sign off completed actions.",
    }

    def scope(self, access: Access) -> QuerySet[Action]:
        if not access.can(Capability.REGISTER_VIEW):
            return Action.objects.none()
        reach = _action_reach(access)
        actions = Action.objects.all()
        return actions if reach is None else actions.filter(reach)

    def allows(self, access: Access, action: str, obj: Action | None) -> bool:
        if action == "view":
            return access.can(Capability.REGISTER_VIEW)
        if action == "manage":
            return access.can(Capability.REGISTER_MANAGE)
        if action == "update":
            if not access.can(Capability.ACTIONS_UPDATE):
                return False
            if obj is None:
                return True
            in_reach = access.sees_partnership or access.in_organisation(obj.organisation_id)
            return in_reach and obj.status in OPEN_STATUSES
        if not access.can(Capability.ACTIONS_SIGN_OFF):
            return False
        return obj is None or obj.status == ActionStatus.AWAITING_SIGN_OFF


class ProgressUpdatePolicy(Policy[ProgressUpdate]):
    model = ProgressUpdate
    actions = {"view": "Whoever sees the action sees its progress updates and their evidence."}

    def scope(self, access: Access) -> QuerySet[ProgressUpdate]:
        if not access.can(Capability.REGISTER_VIEW):
            return ProgressUpdate.objects.none()
        reach = _action_reach(access, "action__")
        updates = ProgressUpdate.objects.all()
        return updates if reach is None else updates.filter(reach)

    def allows(self, access: Access, action: str, obj: ProgressUpdate | None) -> bool:
        return access.can(Capability.REGISTER_VIEW)


class ImpactEvidencePolicy(Policy[ImpactEvidence]):
    model = ImpactEvidence
    actions = {"view": "Whoever sees the recommendation sees its impact evidence."}

    def scope(self, access: Access) -> QuerySet[ImpactEvidence]:
        recommendations = recommendations_policy.scope(access)
        return ImpactEvidence.objects.filter(recommendation__in=recommendations)

    def allows(self, access: Access, action: str, obj: ImpactEvidence | None) -> bool:
        return access.can(Capability.REGISTER_VIEW)


recommendations_policy = register(RecommendationPolicy())
actions_policy = register(ActionPolicy())
updates_policy = register(ProgressUpdatePolicy())
evidence_policy = register(ImpactEvidencePolicy())


def digest_recipient_roles() -> list[str]:
    """Roles that get the weekly digest: those who update their own organisation's actions."""
    from safeguarding_qa.access.roles import CAPABILITY_ROLES, ROLE_REACH

    return [
        role.value
        for role in CAPABILITY_ROLES[Capability.ACTIONS_UPDATE]
        if ROLE_REACH[role] == Reach.ORGANISATION
    ]
