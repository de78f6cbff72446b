"""Who may see the dashboard, submit returns, comment and challenge."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability
from safeguarding_qa.partnership.models import Organisation

from .choices import ChallengeStatus, CommentaryKind
from .models import Challenge, Indicator, Period


class IndicatorPolicy(Policy[Indicator]):
    model = Indicator
    actions = {
        "view": "Everyone signed in sees the dashboard and each indicator.",
        "manage": "Partnership administrators change the catalogue.",
        "submit": (
            "Agency leads submit values for their own organisation's indicators; "
            "administrators for any organisation."
        ),
    }

    def scope(self, access: Access) -> QuerySet[Indicator]:
        if access.can(Capability.DASHBOARD_VIEW):
            return Indicator.objects.filter(is_active=True).select_related("organisation")
        return Indicator.objects.none()

    def allows(self, access: Access, action: str, obj: Indicator | None) -> bool:
        if action == "view":
            return access.can(Capability.DASHBOARD_VIEW)
        if action == "manage":
            return access.can(Capability.INDICATORS_MANAGE)
        if not access.can(Capability.INDICATOR_RETURNS_SUBMIT):
            return False
        return obj is None or self.may_submit_for(access, obj.organisation_id)

    def manageable(self, access: Access) -> QuerySet[Indicator]:
        """Every indicator, inactive ones included, for the people who manage the catalogue."""
        if not access.is_authenticated or not access.can(Capability.INDICATORS_MANAGE):
            return Indicator.objects.none()
        return Indicator.objects.select_related("organisation")

    def may_submit_for(self, access: Access, organisation_id: int | None) -> bool:
        """Leads submit for their own organisation; partnership-wide roles for any."""
        if not access.is_authenticated or not access.can(Capability.INDICATOR_RETURNS_SUBMIT):
            return False
        return access.sees_partnership or access.in_organisation(organisation_id)

    def returnable_organisations(self, access: Access) -> QuerySet[Organisation]:
        """The organisations whose returns this person may enter (404 for the others)."""
        if not access.is_authenticated or not access.can(Capability.INDICATOR_RETURNS_SUBMIT):
            return Organisation.objects.none()
        if access.sees_partnership:
            return Organisation.objects.all()
        return Organisation.objects.filter(pk=access.organisation_id or 0)

    def commentary_kind(self, access: Access, indicator: Indicator) -> CommentaryKind | None:
        """Partnership-wide writers add the QA subgroup's commentary; agency leads their own
        organisation's commentary on its indicators; nobody else comments."""
        if not access.is_authenticated or not access.can(Capability.COMMENTARY_WRITE):
            return None
        if access.sees_partnership:
            return CommentaryKind.SUBGROUP
        if access.in_organisation(indicator.organisation_id):
            return CommentaryKind.AGENCY
        return None


class PeriodPolicy(Policy[Period]):
    model = Period
    actions = {
        "view": "Everyone signed in sees the reporting quarters and whose returns are in.",
        "manage": "Partnership administrators add, close and reopen quarters.",
    }

    def scope(self, access: Access) -> QuerySet[Period]:
        if access.can(Capability.DASHBOARD_VIEW):
            return Period.objects.all()
        return Period.objects.none()

    def allows(self, access: Access, action: str, obj: Period | None) -> bool:
        if action == "view":
            return access.can(Capability.DASHBOARD_VIEW)
        return access.can(Capability.INDICATORS_MANAGE)


class ChallengePolicy(Policy[Challenge]):
    model = Challenge
    actions = {
        "view": (
            "Partnership-wide roles see every challenge; others the challenges put to their "
            "own organisation."
        ),
        "raise": "Subgroup members and the scrutineers raise challenges.",
        "respond": "The organisation's lead (or an administrator) answers an open challenge.",
        "close": "Partnership-wide members who may raise challenges close them.",
    }

    def scope(self, access: Access) -> QuerySet[Challenge]:
        if not access.can(Capability.DASHBOARD_VIEW):
            return Challenge.objects.none()
        challenges = Challenge.objects.select_related(
            "indicator", "period", "organisation", "raised_by", "responded_by", "closed_by"
        )
        if access.sees_partnership:
            return challenges
        return challenges.filter(organisation_id=access.organisation_id or 0)

    def allows(self, access: Access, action: str, obj: Challenge | None) -> bool:
        if action == "view":
            return access.can(Capability.DASHBOARD_VIEW)
        if action == "raise":
            return access.can(Capability.CHALLENGES_RAISE)
        if action == "respond":
            if not access.can(Capability.CHALLENGES_RESPOND):
                return False
            if obj is None:
                return True
            return obj.status != ChallengeStatus.CLOSED and (
                access.sees_partnership or access.in_organisation(obj.organisation_id)
            )
        # close
        if not (access.can(Capability.CHALLENGES_RAISE) and access.sees_partnership):
            return False
        return obj is None or obj.status != ChallengeStatus.CLOSED


indicators = IndicatorPolicy()
periods = PeriodPolicy()
challenges = ChallengePolicy()
register(indicators)
register(periods)
register(challenges)
