"""Who may see and change the work programme.

The programme is partnership-wide: everyone signed in reads it; administrators and chairs
plan and change it.
"""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability

from .models import ProgrammeItem, WorkProgramme


class WorkProgrammePolicy(Policy[WorkProgramme]):
    model = WorkProgramme
    actions = {
        "view": "Everyone signed in sees the work programme.",
        "manage": "Administrators and chairs plan, copy forward and change the programme.",
    }

    def scope(self, access: Access) -> QuerySet[WorkProgramme]:
        if access.can(Capability.PROGRAMME_VIEW):
            return WorkProgramme.objects.all()
        return WorkProgramme.objects.none()

    def allows(self, access: Access, action: str, obj: WorkProgramme | None) -> bool:
        if action == "view":
            return access.can(Capability.PROGRAMME_VIEW)
        return access.can(Capability.PROGRAMME_MANAGE)


class ProgrammeItemPolicy(Policy[ProgrammeItem]):
    model = ProgrammeItem
    actions = {
        "view": "Everyone signed in sees programme items.",
        "manage": "Administrators and chairs add, change, link and remove programme items.",
    }

    def scope(self, access: Access) -> QuerySet[ProgrammeItem]:
        if access.can(Capability.PROGRAMME_VIEW):
            return ProgrammeItem.objects.select_related("programme")
        return ProgrammeItem.objects.none()

    def allows(self, access: Access, action: str, obj: ProgrammeItem | None) -> bool:
        if action == "view":
            return access.can(Capability.PROGRAMME_VIEW)
        return access.can(Capability.PROGRAMME_MANAGE)


programmes = register(WorkProgrammePolicy())
items = register(ProgrammeItemPolicy())
