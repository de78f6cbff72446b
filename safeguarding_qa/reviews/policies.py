"""Who may see and change practice reviews, serious incidents and information returns.

The register of practice reviews is partnership-wide. Serious incidents are need-to-know:
a person sees them only when their role holds the incident capability AND they are a
current member of an active practice review group, or they are a partnership
administrator. An agency lead outside the group sees only the information requests put
to their own agency, never the incident itself.
"""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability, Role
from safeguarding_qa.partnership.choices import GroupKind
from safeguarding_qa.partnership.models import Membership

from .models import InformationRequest, Milestone, PracticeReview, SeriousIncident

_CACHE_ATTRIBUTE = "_reviews_group_member"


def in_review_group(access: Access) -> bool:
    """Whether the person is a current member of an active practice review group, or a
    partnership administrator (who runs the group's business). One query per person."""
    if not access.is_authenticated:
        return False
    if access.role == Role.PARTNERSHIP_ADMIN:
        return True
    cached = getattr(access.user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = (
            Membership.objects.current()
            .filter(
                person_id=access.user_id,
                group__kind=GroupKind.PRACTICE_REVIEW_GROUP,
                group__is_active=True,
            )
            .exists()
        )
        setattr(access.user, _CACHE_ATTRIBUTE, cached)
    return bool(cached)


class PracticeReviewPolicy(Policy[PracticeReview]):
    model = PracticeReview
    actions = {
        "view": "Everyone signed in sees the practice reviews register.",
        "manage": "Partnership administrators and chairs add and change practice reviews.",
    }

    def scope(self, access: Access) -> QuerySet[PracticeReview]:
        if access.can(Capability.REVIEWS_VIEW):
            return PracticeReview.objects.all()
        return PracticeReview.objects.none()

    def allows(self, access: Access, action: str, obj: PracticeReview | None) -> bool:
        if action == "view":
            return access.can(Capability.REVIEWS_VIEW)
        return access.can(Capability.REVIEWS_MANAGE)


class MilestonePolicy(Policy[Milestone]):
    model = Milestone
    actions = {"manage": "Those who manage practice reviews record local review milestones."}

    def scope(self, access: Access) -> QuerySet[Milestone]:
        if access.can(Capability.REVIEWS_VIEW):
            return Milestone.objects.select_related("review")
        return Milestone.objects.none()

    def allows(self, access: Access, action: str, obj: Milestone | None) -> bool:
        return access.can(Capability.REVIEWS_MANAGE)


class SeriousIncidentPolicy(Policy[SeriousIncident]):
    model = SeriousIncident
    actions = {
        "view": (
            "Practice review group members whose role may see incidents, and partnership "
            "administrators; every view is logged."
        ),
        "manage": (
            "Partnership administrators, and chairs who are members of the practice review "
            "group, record incidents, notifications, rapid reviews and decisions."
        ),
        "reveal": (
            "Those who see the incident and whose role may reveal case identifiers see its "
            "identifiers, giving a reason; every reveal is logged."
        ),
    }

    def scope(self, access: Access) -> QuerySet[SeriousIncident]:
        if access.can(Capability.INCIDENTS_VIEW) and in_review_group(access):
            return SeriousIncident.objects.select_related("practice_review", "notified_by")
        return SeriousIncident.objects.none()

    def allows(self, access: Access, action: str, obj: SeriousIncident | None) -> bool:
        if action == "reveal":
            return (
                access.can(Capability.INCIDENTS_VIEW)
                and access.can(Capability.CASE_IDENTIFIERS_REVEAL)
                and in_review_group(access)
            )
        capability = Capability.INCIDENTS_VIEW if action == "view" else Capability.INCIDENTS_MANAGE
        return access.can(capability) and in_review_group(access)


class InformationRequestPolicy(Policy[InformationRequest]):
    model = InformationRequest
    actions = {
        "view": (
            "The practice review group sees every agency's information; an agency lead "
            "sees only the requests put to their own agency."
        ),
        "submit": "An agency lead returns their own agency's information, once.",
    }

    def scope(self, access: Access) -> QuerySet[InformationRequest]:
        if not access.can(Capability.INCIDENTS_VIEW):
            return InformationRequest.objects.none()
        requests = InformationRequest.objects.select_related("incident", "organisation")
        if in_review_group(access):
            return requests
        if access.organisation_id is None:
            return requests.none()
        return requests.filter(organisation_id=access.organisation_id)

    def allows(self, access: Access, action: str, obj: InformationRequest | None) -> bool:
        if not access.can(Capability.INCIDENTS_VIEW):
            return False
        if action == "view":
            return (
                obj is None
                or in_review_group(access)
                or access.in_organisation(obj.organisation_id)
            )
        if obj is None:
            return access.organisation_id is not None
        return access.in_organisation(obj.organisation_id) and obj.submitted_at is None


practice_reviews = register(PracticeReviewPolicy())
milestones = register(MilestonePolicy())
incidents = register(SeriousIncidentPolicy())
information_requests = register(InformationRequestPolicy())
