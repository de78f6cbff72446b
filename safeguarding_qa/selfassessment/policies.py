"""Who may see and change self-assessment.

Frameworks, rounds and the heat-map of agreed ratings are partnership-wide for everyone who
holds ``SELF_ASSESSMENT_VIEW``. An organisation's return (its evidence and planned actions)
is seen partnership-wide by roles with partnership reach, and only for their own
organisation by agency leads. Only the organisation itself completes its return.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import CAPABILITY_ROLES, ROLE_REACH, Capability, Reach

from . import rules
from .choices import ModerationStatus
from .models import Framework, Round, SelfAssessment, StandardReturn


class FrameworkPolicy(Policy[Framework]):
    model = Framework
    actions = {"view": "Members of the subgroup read the frameworks and their standards."}

    def scope(self, access: Access) -> QuerySet[Framework]:
        if access.can(Capability.SELF_ASSESSMENT_VIEW):
            return Framework.objects.all()
        return Framework.objects.none()

    def allows(self, access: Access, action: str, obj: Framework | None) -> bool:
        return access.can(Capability.SELF_ASSESSMENT_VIEW)


class RoundPolicy(Policy[Round]):
    model = Round
    actions = {
        "view": "Members of the subgroup see every round, its progress and its heat-map.",
        "manage": "Partnership administrators open rounds.",
        "remind": "Partnership administrators remind organisations while a round is open.",
        "close": "Partnership administrators close an open round.",
    }

    def scope(self, access: Access) -> QuerySet[Round]:
        if access.can(Capability.SELF_ASSESSMENT_VIEW):
            return Round.objects.select_related("framework", "previous")
        return Round.objects.none()

    def allows(self, access: Access, action: str, obj: Round | None) -> bool:
        if action == "view":
            return access.can(Capability.SELF_ASSESSMENT_VIEW)
        if not access.can(Capability.SELF_ASSESSMENT_MANAGE):
            return False
        if action in ("remind", "close") and obj is not None:
            return obj.is_open
        return True


class SelfAssessmentPolicy(Policy[SelfAssessment]):
    model = SelfAssessment
    actions = {
        "view": (
            "Roles with partnership reach read every organisation's return; agency leads "
            "read their own organisation's."
        ),
        "complete": (
            "Agency leads (and administrators for their own organisation) complete and "
            "submit their organisation's return while it is in progress and the round open."
        ),
    }

    def scope(self, access: Access) -> QuerySet[SelfAssessment]:
        if not access.can(Capability.SELF_ASSESSMENT_VIEW):
            return SelfAssessment.objects.none()
        queryset = SelfAssessment.objects.select_related(
            "round", "round__framework", "organisation", "submitted_by"
        )
        if access.sees_partnership:
            return queryset
        if access.reach == Reach.ORGANISATION and access.organisation_id is not None:
            return queryset.filter(organisation_id=access.organisation_id)
        return queryset.none()

    def allows(self, access: Access, action: str, obj: SelfAssessment | None) -> bool:
        if action == "view":
            return access.can(Capability.SELF_ASSESSMENT_VIEW)
        if not access.can(Capability.SELF_ASSESSMENT_SUBMIT):
            return False
        if obj is None:
            return True
        return (
            access.in_organisation(obj.organisation_id)
            and obj.round.is_open
            and not obj.is_submitted
        )


class StandardReturnPolicy(Policy[StandardReturn]):
    model = StandardReturn
    actions = {
        "moderate": (
            "The chair and administrators agree or challenge a submitted rating while the "
            "round is open."
        ),
        "respond": (
            "The organisation's agency lead responds to a challenge on its rating while the "
            "round is open."
        ),
        "to_register": (
            "The chair and administrators (moderators who also manage the register) turn a "
            "submitted answer's planned actions into an action in the register, once."
        ),
    }

    def scope(self, access: Access) -> QuerySet[StandardReturn]:
        returns = SelfAssessmentPolicy().scope(access)
        return StandardReturn.objects.select_related(
            "standard",
            "self_assessment",
            "self_assessment__round",
            "self_assessment__round__framework",
            "self_assessment__organisation",
        ).filter(self_assessment__in=returns.values("pk"))

    def allows(self, access: Access, action: str, obj: StandardReturn | None) -> bool:
        if action == "to_register":
            if not (
                access.can(Capability.SELF_ASSESSMENT_MODERATE)
                and access.can(Capability.REGISTER_MANAGE)
            ):
                return False
            return obj is None or rules.can_go_to_register(obj)
        if action == "moderate":
            if not access.can(Capability.SELF_ASSESSMENT_MODERATE):
                return False
            if obj is None:
                return True
            parent = obj.self_assessment
            return parent.round.is_open and parent.is_submitted
        if not access.can(Capability.SELF_ASSESSMENT_SUBMIT):
            return False
        if obj is None:
            return True
        return (
            access.in_organisation(obj.self_assessment.organisation_id)
            and obj.self_assessment.round.is_open
            and obj.moderation_status == ModerationStatus.CHALLENGED
        )


def submitters(organisation_ids: Iterable[int]) -> QuerySet[Any]:
    """Active people who complete returns for their own organisation (the reminder list)."""
    roles = [
        role
        for role in CAPABILITY_ROLES[Capability.SELF_ASSESSMENT_SUBMIT]
        if ROLE_REACH[role] == Reach.ORGANISATION
    ]
    return (
        get_user_model()
        .objects.filter(Q(is_active=True), role__in=roles, organisation_id__in=organisation_ids)
        .select_related("organisation")
        .order_by("organisation__name", "full_name")
    )


frameworks = register(FrameworkPolicy())
rounds = register(RoundPolicy())
self_assessments = register(SelfAssessmentPolicy())
answers = register(StandardReturnPolicy())
