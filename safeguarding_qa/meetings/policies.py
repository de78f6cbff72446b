"""Who may see and change meetings.

Meetings are partnership-wide records of the subgroup: members (administrators, chairs,
agency leads, scrutineers) read them all; administrators and chairs arrange and minute them.
"""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability

from .models import Meeting


class MeetingPolicy(Policy[Meeting]):
    model = Meeting
    actions = {
        "view": "Group members (administrators, chairs, agency leads, scrutineers) see "
        "meetings, agendas, papers, attendance, minutes and decisions.",
        "manage": "Administrators and chairs arrange meetings and record agendas, papers, "
        "attendance, minutes and decisions.",
    }

    def scope(self, access: Access) -> QuerySet[Meeting]:
        if access.can(Capability.MEETINGS_VIEW):
            return Meeting.objects.select_related("group")
        return Meeting.objects.none()

    def allows(self, access: Access, action: str, obj: Meeting | None) -> bool:
        if action == "view":
            return access.can(Capability.MEETINGS_VIEW)
        return access.can(Capability.MEETINGS_MANAGE)


meetings = register(MeetingPolicy())
