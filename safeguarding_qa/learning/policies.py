"""Who may see and change learning briefings and record their dissemination."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability

from . import rules
from .choices import BriefingStatus
from .models import Dissemination, LearningBriefing


class LearningBriefingPolicy(Policy[LearningBriefing]):
    model = LearningBriefing
    actions = {
        "view": "Everyone signed in reads published briefings; those who draft or approve "
        "briefings also see drafts and withdrawn ones.",
        "manage": "Administrators and chairs draft and edit briefings (not while published).",
        "approve": "Chairs approve a draft (or withdrawn) briefing.",
        "publish": "Administrators and chairs publish an approved briefing.",
        "withdraw": "Administrators and chairs withdraw a published briefing.",
    }

    def scope(self, access: Access) -> QuerySet[LearningBriefing]:
        if access.can(Capability.BRIEFINGS_MANAGE) or access.can(Capability.BRIEFINGS_APPROVE):
            return LearningBriefing.objects.all()
        if access.can(Capability.REPORTS_VIEW):
            return LearningBriefing.objects.filter(status=BriefingStatus.PUBLISHED)
        return LearningBriefing.objects.none()

    def allows(self, access: Access, action: str, obj: LearningBriefing | None) -> bool:
        if action == "view":
            return access.can(Capability.REPORTS_VIEW) or access.can(Capability.BRIEFINGS_MANAGE)
        if action == "approve":
            allowed = access.can(Capability.BRIEFINGS_APPROVE)
            return allowed and (obj is None or rules.briefing_can_be_approved(obj))
        if not access.can(Capability.BRIEFINGS_MANAGE):
            return False
        if obj is None:
            return True
        checks = {
            "manage": rules.briefing_is_editable,
            "publish": rules.briefing_can_be_published,
            "withdraw": rules.briefing_can_be_withdrawn,
        }
        return checks[action](obj)


class DisseminationPolicy(Policy[Dissemination]):
    model = Dissemination
    actions = {
        "record": "Agency leads record their own organisation's dissemination of a "
        "published briefing; administrators record any organisation's.",
    }

    def scope(self, access: Access) -> QuerySet[Dissemination]:
        if access.can(Capability.REPORTS_VIEW):
            return Dissemination.objects.select_related("organisation")
        return Dissemination.objects.none()

    def allows(self, access: Access, action: str, obj: Dissemination | None) -> bool:
        if not access.can(Capability.DISSEMINATION_RECORD):
            return False
        if obj is None or access.sees_partnership:
            return True
        return access.in_organisation(obj.organisation_id)


briefings = register(LearningBriefingPolicy())
disseminations = register(DisseminationPolicy())
