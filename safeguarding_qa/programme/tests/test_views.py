"""Work programme pages: warnings, suggestions, forms, copy forward, query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeguarding_qa.programme.choices import ItemKind, ItemStatus
from safeguarding_qa.programme.models import ProgrammeItem, WorkProgramme

pytestmark = pytest.mark.django_db


def _detail(year: int) -> str:
    return reverse("programme:programme-detail", kwargs={"year": year})


def test_detail_warns_of_too_many_audits_and_no_deep_dive(client_as, programme):
    ProgrammeItem.objects.bulk_create(
        ProgrammeItem(programme=programme, kind=ItemKind.CASE_FILE_AUDIT, title=f"Audit {n}")
        for n in range(7)
    )

    page = client_as("viewer").get(_detail(2025)).content.decode()

    assert "The programme holds 7 audits" in page
    assert "no deep dive" in page
    assert "Add an item" not in page


def test_detail_suggests_themes_not_audited_recently(client_as, programme):
    old = WorkProgramme.objects.create(year=2020)
    recent = WorkProgramme.objects.create(year=2023)
    ProgrammeItem.objects.create(
        programme=old, kind=ItemKind.CASE_FILE_AUDIT, title="Neglect", theme="Neglect"
    )
    ProgrammeItem.objects.create(
        programme=recent, kind=ItemKind.DEEP_DIVE, title="DA", theme="Domestic abuse"
    )

    response = client_as("chair").get(_detail(2025))

    themes = {s.theme: s.reason for s in response.context["suggestions"]}
    assert themes["Neglect"] == "Last audited in 2020-21."
    assert "Domestic abuse" not in themes
    assert "Plan<span" in response.content.decode()


def test_detail_runs_a_fixed_number_of_queries(client_as, programme, django_assert_num_queries):
    client = client_as("lead_police")
    client.get(_detail(2025))
    # Other apps' theme providers add a fixed number each, so compare with an empty page.
    with CaptureQueriesContext(connection) as empty:
        client.get(_detail(2025))
    ProgrammeItem.objects.bulk_create(
        ProgrammeItem(programme=programme, kind=ItemKind.CASE_FILE_AUDIT, title=f"Audit {n}")
        for n in range(40)
    )

    with django_assert_num_queries(len(empty)):
        response = client.get(_detail(2025))

    assert len(response.context["items"]) == 40


def test_list_runs_a_fixed_number_of_queries(client_as, django_assert_num_queries):
    client = client_as("viewer")
    client.get(reverse("programme:programme-list"))
    WorkProgramme.objects.bulk_create(WorkProgramme(year=2000 + n) for n in range(30))

    with django_assert_num_queries(12):
        response = client.get(reverse("programme:programme-list"))

    assert len(response.context["page_obj"]) == 25


def test_add_item_from_a_suggested_theme(client_as, programme):
    client = client_as("qa_lead")
    form_page = client.get(
        reverse("programme:item-add", kwargs={"year": 2025}), {"theme": "Neglect"}
    ).content.decode()
    assert 'value="Neglect"' in form_page

    response = client.post(
        reverse("programme:item-add", kwargs={"year": 2025}),
        {
            "kind": ItemKind.DEEP_DIVE,
            "title": "Neglect deep dive",
            "theme": "Neglect",
            "status": ItemStatus.PLANNED,
        },
    )

    item = ProgrammeItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == item.get_absolute_url()


def test_add_item_with_bad_input_changes_nothing(client_as, programme):
    response = client_as("admin").post(
        reverse("programme:item-add", kwargs={"year": 2025}),
        {"kind": ItemKind.DASHBOARD_REVIEW, "title": "", "status": ItemStatus.PLANNED},
    )

    page = response.content.decode()
    assert "Enter the item&#x27;s title" in page
    assert "Choose the quarter the dashboard review covers" in page
    assert not ProgrammeItem.objects.exists()


def test_copy_forward_after_confirmation(client_as, programme):
    ProgrammeItem.objects.create(
        programme=programme, kind=ItemKind.THEMATIC_REVIEW, title="Exploitation"
    )
    client = client_as("admin")
    url = reverse("programme:programme-copy-forward", kwargs={"year": 2025})

    assert "Copy forward" in client.get(url).content.decode()
    response = client.post(url)

    assert response["Location"] == _detail(2026)
    assert WorkProgramme.objects.get(year=2026).items.count() == 1
    again = client.post(url)
    assert again.status_code == 400
    assert "There is already a work programme" in again.content.decode()


def test_remove_item_after_confirmation(client_as, programme):
    item = ProgrammeItem.objects.create(
        programme=programme, kind=ItemKind.CASE_FILE_AUDIT, title="Neglect"
    )
    url = reverse("programme:item-remove", kwargs={"pk": item.pk})
    client = client_as("chair")

    assert "Remove Neglect from the programme" in client.get(url).content.decode()
    client.post(url)

    assert not ProgrammeItem.objects.exists()
