"""Permission-matrix rows for the work programme.

Everyone signed in reads the programme; administrators and chairs (admin, admin_icb, chair,
qa_lead) plan and change it. The programme is partnership-wide, so there is no own or other
organisation to tell apart.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.programme.choices import ItemKind, ItemStatus
from safeguarding_qa.programme.models import ProgrammeItem, WorkProgramme

UNKNOWN = 999_999
YEAR = 2031
OVERSIGHT_PAGE = {"admin": 200, "admin_icb": 200, "chair": 200, "qa_lead": 200}
OVERSIGHT_WRITE = {"admin": 302, "admin_icb": 302, "chair": 302, "qa_lead": 302}


def build(world: World) -> None:
    """A programme with a planned item and an item already linked to what it became."""
    programme = WorkProgramme.objects.create(year=YEAR)
    world.objects["programme"] = programme
    world.objects["programme_item"] = ProgrammeItem.objects.create(
        programme=programme, kind=ItemKind.CASE_FILE_AUDIT, title="Matrix neglect audit"
    )
    group = world.organisations["council"]
    world.objects["programme_linked_item"] = ProgrammeItem.objects.create(
        programme=programme,
        kind=ItemKind.DEEP_DIVE,
        title="Matrix linked deep dive",
        status=ItemStatus.IN_PROGRESS,
        content_type=ContentType.objects.get_for_model(group),
        object_id=group.pk,
    )


def _year(w: World) -> dict[str, Any]:
    return {"year": w.objects["programme"].year}


def _item(key: str) -> Any:
    return lambda w: {"pk": w.objects[key].pk}


def _item_data(w: World) -> dict[str, Any]:
    return {
        "kind": ItemKind.THEMATIC_REVIEW,
        "title": "Matrix thematic review",
        "theme": "Domestic abuse",
        "status": ItemStatus.PLANNED,
    }


ROUTES = [
    RouteCheck("programme:programme-list", expect(200)),
    RouteCheck("programme:programme-detail", expect(200), kwargs=_year),
    RouteCheck(
        "programme:programme-detail",
        expect(404),
        kwargs=lambda w: {"year": 2099},
        label="unknown",
    ),
    RouteCheck("programme:programme-create", expect(403, **OVERSIGHT_PAGE)),
    RouteCheck(
        "programme:programme-create",
        expect(403, **OVERSIGHT_WRITE),
        method="POST",
        data=lambda w: {"year": "2026"},
    ),
    RouteCheck("programme:programme-copy-forward", expect(403, **OVERSIGHT_PAGE), kwargs=_year),
    RouteCheck(
        "programme:programme-copy-forward",
        expect(403, **OVERSIGHT_WRITE),
        method="POST",
        kwargs=_year,
    ),
    RouteCheck(
        "programme:programme-copy-forward",
        expect(404),
        method="POST",
        kwargs=lambda w: {"year": 2099},
        label="unknown",
    ),
    RouteCheck("programme:item-add", expect(403, **OVERSIGHT_PAGE), kwargs=_year),
    RouteCheck(
        "programme:item-add",
        expect(403, **OVERSIGHT_WRITE),
        method="POST",
        kwargs=_year,
        data=_item_data,
    ),
    RouteCheck(
        "programme:item-add",
        expect(403, **dict.fromkeys(OVERSIGHT_PAGE, 200)),
        method="POST",
        kwargs=_year,
        data=lambda w: {"kind": ItemKind.DASHBOARD_REVIEW, "title": "No quarter"},
        label="invalid",
    ),
    RouteCheck(
        "programme:item-edit", expect(403, **OVERSIGHT_PAGE), kwargs=_item("programme_item")
    ),
    RouteCheck(
        "programme:item-edit",
        expect(403, **OVERSIGHT_WRITE),
        method="POST",
        kwargs=_item("programme_item"),
        data=_item_data,
    ),
    RouteCheck(
        "programme:item-edit", expect(404), kwargs=lambda w: {"pk": UNKNOWN}, label="unknown"
    ),
    RouteCheck(
        "programme:item-remove", expect(403, **OVERSIGHT_PAGE), kwargs=_item("programme_item")
    ),
    RouteCheck(
        "programme:item-remove",
        expect(403, **OVERSIGHT_WRITE),
        method="POST",
        kwargs=_item("programme_item"),
    ),
    RouteCheck(
        "programme:item-remove",
        expect(403, **dict.fromkeys(OVERSIGHT_PAGE, 400)),
        method="POST",
        kwargs=_item("programme_linked_item"),
        label="linked",
    ),
]
