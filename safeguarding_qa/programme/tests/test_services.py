"""Work programme services: start, items, copy forward, link to what an item became."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.meetings.models import Meeting
from safeguarding_qa.meetings.tests.conftest import at
from safeguarding_qa.partnership.choices import GroupKind
from safeguarding_qa.partnership.models import Group
from safeguarding_qa.programme.choices import ItemKind, ItemStatus, Quarter
from safeguarding_qa.programme.models import ProgrammeItem, WorkProgramme
from safeguarding_qa.programme.services.programmes import (
    programme_copy_forward,
    programme_create,
    programme_item_add,
    programme_item_link,
    programme_item_remove,
    programme_item_update,
)

pytestmark = pytest.mark.django_db


def _kinds() -> list[str]:
    return list(
        AuditEvent.objects.filter(kind__startswith="programme.")
        .order_by("sequence")
        .values_list("kind", flat=True)
    )


def test_a_year_has_one_programme(access_as, programme):
    with pytest.raises(ValidationError):
        programme_create(access=access_as("admin"), year=2025)
    created = programme_create(access=access_as("chair"), year=2026)

    assert created.label == "2026-27"
    assert _kinds() == ["programme.created"]


def test_agency_leads_cannot_plan(access_as, programme):
    with pytest.raises(PermissionDenied):
        programme_item_add(
            access=access_as("lead_police"),
            programme=programme,
            kind=ItemKind.DEEP_DIVE,
            title="Deep dive",
        )
    assert not ProgrammeItem.objects.exists()


def test_items_target_meetings_only_in_the_programme_year(access_as, programme):
    group = Group.objects.create(name="QA", kind=GroupKind.QA_SUBGROUP)
    outside = Meeting.objects.create(group=group, title="Old", starts_at=at(2024, 6, 1))
    inside = Meeting.objects.create(group=group, title="June", starts_at=at(2025, 6, 1))
    access = access_as("admin")

    with pytest.raises(ValidationError):
        programme_item_add(
            access=access,
            programme=programme,
            kind=ItemKind.DEEP_DIVE,
            title="Deep dive",
            target_meeting=outside,
        )
    item = programme_item_add(
        access=access,
        programme=programme,
        kind=ItemKind.DEEP_DIVE,
        title="Deep dive",
        target_meeting=inside,
    )
    programme_item_update(access=access, item=item, status=ItemStatus.SLIPPED)

    assert ProgrammeItem.objects.get().status == ItemStatus.SLIPPED
    assert _kinds() == ["programme.item_added", "programme.item_changed"]


def test_a_dashboard_review_needs_its_quarter(access_as, programme):
    with pytest.raises(ValidationError):
        programme_item_add(
            access=access_as("admin"),
            programme=programme,
            kind=ItemKind.DASHBOARD_REVIEW,
            title="Dashboard",
        )


def test_copy_forward_takes_recurring_and_unfinished_work(access_as, programme):
    for kind, title, status, quarter in [
        (ItemKind.DASHBOARD_REVIEW, "Dashboard Q1", ItemStatus.DONE, Quarter.Q1),
        (ItemKind.CASE_FILE_AUDIT, "Neglect", ItemStatus.DONE, None),
        (ItemKind.CASE_FILE_AUDIT, "Exploitation", ItemStatus.SLIPPED, None),
        (ItemKind.SELF_ASSESSMENT, "Section 11", ItemStatus.DONE, None),
    ]:
        ProgrammeItem.objects.create(
            programme=programme, kind=kind, title=title, status=status, quarter=quarter
        )

    following = programme_copy_forward(access=access_as("admin"), programme=programme)

    copies = following.items.order_by("title")
    assert following.year == 2026
    assert [(c.title, c.status) for c in copies] == [
        ("Dashboard Q1", ItemStatus.PLANNED),
        ("Exploitation", ItemStatus.PLANNED),
        ("Section 11", ItemStatus.PLANNED),
    ]
    assert all(c.copied_from is not None for c in copies)
    with pytest.raises(ValidationError):
        programme_copy_forward(access=access_as("admin"), programme=programme)
    assert WorkProgramme.objects.count() == 2


def test_linking_marks_the_item_in_progress_and_protects_it(access_as, programme, organisations):
    item = ProgrammeItem.objects.create(
        programme=programme, kind=ItemKind.CASE_FILE_AUDIT, title="Neglect"
    )
    access = access_as("admin")

    programme_item_link(access=access, item=item, target=organisations["council"])

    item.refresh_from_db()
    assert item.status == ItemStatus.IN_PROGRESS
    assert item.became == organisations["council"]
    with pytest.raises(ValidationError):
        programme_item_remove(access=access, item=item)
    with pytest.raises(ValidationError):
        programme_item_link(access=access, item=item, target=organisations["police"])
    assert _kinds() == ["programme.item_linked"]
