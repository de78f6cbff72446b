"""Permission-matrix rows for meetings.

Members of the subgroup (admin, admin_icb, chair, qa_lead, agency leads, scrutineer,
lay_member) read meetings; auditors and viewers do not (403 on the list, 404 on a meeting,
which is outside their scope). Administrators and chairs arrange and minute meetings.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.meetings.choices import AttendanceStatus
from safeguarding_qa.meetings.models import AgendaItem, Meeting, Paper
from safeguarding_qa.partnership.choices import GroupKind
from safeguarding_qa.partnership.models import Group, Membership

UNKNOWN = 999_999
OUTSIDERS = {
    "auditor_council": 404,
    "auditor_police": 404,
    "auditor_hospital": 404,
    "viewer": 404,
    "viewer_police": 404,
}
OUTSIDERS_403 = dict.fromkeys(OUTSIDERS, 403)
OVERSIGHT = ("admin", "admin_icb", "chair", "qa_lead")


def _view(status: int = 200) -> dict[str, int]:
    return expect(status, **OUTSIDERS)


def _manage(status: int) -> dict[str, int]:
    return expect(403, **OUTSIDERS, **dict.fromkeys(OVERSIGHT, status))


def build(world: World) -> None:
    """A meeting of a group with one member, an agenda of two items and two papers."""
    group = Group.objects.create(name="Matrix Meeting Group", kind=GroupKind.QA_SUBGROUP)
    Membership.objects.create(
        group=group, person=world.personas["lead_police"], started_on=date(2024, 4, 1)
    )
    meeting = Meeting.objects.create(
        group=group,
        title="Matrix meeting",
        starts_at=datetime(2026, 6, 17, 10, 0, tzinfo=timezone.get_current_timezone()),
    )
    world.objects["meeting"] = meeting
    world.objects["agenda_first"] = AgendaItem.objects.create(
        meeting=meeting, position=1, title="Apologies"
    )
    world.objects["agenda_second"] = AgendaItem.objects.create(
        meeting=meeting, position=2, title="Dashboard"
    )
    world.objects["paper_link"] = Paper.objects.create(
        meeting=meeting, title="Matrix linked paper", link="/programme/"
    )
    paper = Paper(meeting=meeting, title="Matrix uploaded paper")
    paper.file.save("matrix.txt", ContentFile(b"Synthetic paper."), save=False)
    paper.save()
    world.objects["paper_file"] = paper


def _meeting(w: World) -> dict[str, Any]:
    return {"pk": w.objects["meeting"].pk}


def _child(key: str) -> Any:
    return lambda w: {"meeting_pk": w.objects["meeting"].pk, "pk": w.objects[key].pk}


def _meeting_data(w: World) -> dict[str, Any]:
    return {
        "group": w.objects["meeting"].group_id,
        "title": "Matrix meeting changed",
        "day_day": "18",
        "day_month": "6",
        "day_year": "2026",
        "start_time": "14:00",
        "duration_minutes": "90",
        "status": "scheduled",
    }


ROUTES = [
    RouteCheck("meetings:meeting-list", expect(200, **OUTSIDERS_403)),
    RouteCheck("meetings:attendance-statistics", expect(200, **OUTSIDERS_403)),
    RouteCheck("meetings:meeting-detail", _view(), kwargs=_meeting),
    RouteCheck(
        "meetings:meeting-detail", expect(404), kwargs=lambda w: {"pk": UNKNOWN}, label="unknown"
    ),
    RouteCheck("meetings:meeting-calendar", _view(), kwargs=_meeting),
    RouteCheck("meetings:meeting-create", expect(403, **dict.fromkeys(OVERSIGHT, 200))),
    RouteCheck(
        "meetings:meeting-create",
        expect(403, **dict.fromkeys(OVERSIGHT, 302)),
        method="POST",
        data=_meeting_data,
    ),
    RouteCheck("meetings:meeting-edit", _manage(200), kwargs=_meeting),
    RouteCheck(
        "meetings:meeting-edit", _manage(302), method="POST", kwargs=_meeting, data=_meeting_data
    ),
    RouteCheck("meetings:meeting-minutes", _manage(200), kwargs=_meeting),
    RouteCheck(
        "meetings:meeting-minutes",
        _manage(302),
        method="POST",
        kwargs=_meeting,
        data=lambda w: {"minutes": "The group agreed the agenda."},
    ),
    RouteCheck("meetings:agenda-item-add", _manage(200), kwargs=_meeting),
    RouteCheck(
        "meetings:agenda-item-add",
        _manage(302),
        method="POST",
        kwargs=_meeting,
        data=lambda w: {"title": "Any other business"},
    ),
    RouteCheck(
        "meetings:agenda-suggestions-add",
        _manage(200),
        method="POST",
        kwargs=_meeting,
        data=lambda w: {},
        label="none chosen",
    ),
    RouteCheck(
        "meetings:agenda-item-move",
        _manage(302),
        method="POST",
        kwargs=_child("agenda_first"),
        data=lambda w: {"direction": "down"},
    ),
    RouteCheck("meetings:agenda-item-remove", _manage(200), kwargs=_child("agenda_first")),
    RouteCheck(
        "meetings:agenda-item-remove", _manage(302), method="POST", kwargs=_child("agenda_first")
    ),
    RouteCheck(
        "meetings:agenda-item-remove",
        _manage(404),
        method="POST",
        kwargs=lambda w: {"meeting_pk": w.objects["meeting"].pk, "pk": UNKNOWN},
        label="unknown",
    ),
    RouteCheck("meetings:paper-add", _manage(200), kwargs=_meeting),
    RouteCheck(
        "meetings:paper-add",
        _manage(302),
        method="POST",
        kwargs=_meeting,
        data=lambda w: {"title": "Dashboard Q1", "link": "/programme/"},
    ),
    RouteCheck("meetings:paper-remove", _manage(200), kwargs=_child("paper_link")),
    RouteCheck("meetings:paper-remove", _manage(302), method="POST", kwargs=_child("paper_link")),
    RouteCheck("meetings:paper-download", _view(), kwargs=_child("paper_file")),
    RouteCheck(
        "meetings:paper-download", _view(404), kwargs=_child("paper_link"), label="link only"
    ),
    RouteCheck("meetings:attendance-record", _manage(200), kwargs=_meeting),
    RouteCheck(
        "meetings:attendance-record",
        _manage(302),
        method="POST",
        kwargs=_meeting,
        data=lambda w: {f"person_{w.personas['lead_police'].pk}": AttendanceStatus.PRESENT},
    ),
    RouteCheck("meetings:decision-add", _manage(200), kwargs=_meeting),
    RouteCheck(
        "meetings:decision-add",
        _manage(302),
        method="POST",
        kwargs=_meeting,
        data=lambda w: {"text": "The group agreed to audit neglect."},
    ),
]
