"""Who may see the dashboard, submit returns, comment and challenge."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import CAPABILITY_ROLES, Capability, Role
from safeguarding_qa.partnership.models import Organisation

from .choices import ChallengeStatus, CommentaryKind
from .models import Challenge, DataContact, Indicator, Period


def _contact_organisation_id(access: Access) -> int | None:
    """The organisation this person is a current data contact for, if any.

    A contact counts only while they still belong to that organisation (someone who moves
    to another agency loses it at once) and is active (``Access`` already refuses inactive
    people). One query."""
    if not access.is_authenticated or access.organisation_id is None:
        return None
    named = DataContact.objects.filter(
        person_id=access.user_id, organisation_id=access.organisation_id
    ).exists()
    return access.organisation_id if named else None


class IndicatorPolicy(Policy[Indicator]):
    model = Indicator
    actions = {
        "view": "Everyone signed in sees the dashboard and each indicator.",
        "manage": "Partnership administrators change the catalogue.",
        "submit": (
            "Agency leads, and the data contacts they name, submit values for their own "
            "organisation's indicators; administrators for any organisation."
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
        if obj is not None:
            return self.may_submit_for(access, obj.organisation_id)
        return access.can(Capability.INDICATOR_RETURNS_SUBMIT) or (
            _contact_organisation_id(access) is not None
        )

    def manageable(self, access: Access) -> QuerySet[Indicator]:
        """Every indicator, inactive ones included, for the people who manage the catalogue."""
        if not access.is_authenticated or not access.can(Capability.INDICATORS_MANAGE):
            return Indicator.objects.none()
        return Indicator.objects.select_related("organisation")

    def submits_for_every_organisation(self, access: Access) -> bool:
        """Administrators submit any organisation's return."""
        return (
            access.is_authenticated
            and access.can(Capability.INDICATOR_RETURNS_SUBMIT)
            and access.sees_partnership
        )

    def may_submit_for(self, access: Access, organisation_id: int | None) -> bool:
        """Leads submit for their own organisation; partnership-wide roles for any; a data
        contact for the organisation that named them (whatever their role's reach)."""
        if not access.is_authenticated or organisation_id is None:
            return False
        if access.can(Capability.INDICATOR_RETURNS_SUBMIT) and (
            access.sees_partnership or access.in_organisation(organisation_id)
        ):
            return True
        # A contact acts only for their own organisation: no query for any other.
        return access.in_organisation(organisation_id) and (
            _contact_organisation_id(access) == organisation_id
        )

    def returnable_organisations(self, access: Access) -> QuerySet[Organisation]:
        """The organisations whose returns this person may enter (404 for the others)."""
        if self.submits_for_every_organisation(access):
            return Organisation.objects.all()
        if self.may_submit_for(access, access.organisation_id):
            return Organisation.objects.filter(pk=access.organisation_id or 0)
        return Organisation.objects.none()

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
        "view": "Everyone signed in sees the reporting periods and whose returns are in.",
        "manage": "Partnership administrators add, close and reopen quarters and months.",
    }

    def scope(self, access: Access) -> QuerySet[Period]:
        if access.can(Capability.DASHBOARD_VIEW):
            return Period.every.all()  # quarters and months
        return Period.every.none()

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


class DataContactPolicy(Policy[DataContact]):
    model = DataContact
    actions = {
        "manage": (
            "An agency lead names and removes their own organisation's data contacts "
            "(another organisation's are a 404)."
        ),
    }

    def scope(self, access: Access) -> QuerySet[DataContact]:
        if not access.can(Capability.INDICATOR_DATA_CONTACTS_MANAGE):
            return DataContact.objects.none()
        return DataContact.objects.filter(
            organisation_id=access.organisation_id or 0
        ).select_related("organisation", "person", "named_by")

    def allows(self, access: Access, action: str, obj: DataContact | None) -> bool:
        if not access.can(Capability.INDICATOR_DATA_CONTACTS_MANAGE):
            return False
        return obj is None or access.in_organisation(obj.organisation_id)

    def organisations(self, access: Access) -> QuerySet[Organisation]:
        """The organisation whose data contacts this person manages (404 for the others)."""
        if not access.is_authenticated or not access.can(Capability.INDICATOR_DATA_CONTACTS_MANAGE):
            return Organisation.objects.none()
        return Organisation.objects.filter(pk=access.organisation_id or 0)

    def submitting_roles(self) -> frozenset[Role]:
        """Roles that already submit their own organisation's returns, so naming someone
        holding one as a data contact would add nothing."""
        return CAPABILITY_ROLES[Capability.INDICATOR_RETURNS_SUBMIT]


indicators = IndicatorPolicy()
periods = PeriodPolicy()
challenges = ChallengePolicy()
data_contacts = DataContactPolicy()
register(indicators)
register(periods)
register(challenges)
register(data_contacts)
