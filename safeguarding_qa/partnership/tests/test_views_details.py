"""The partnership's details page, and its name in every page's header."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeguarding_qa.partnership.models import Partnership

from .conftest import change_events

pytestmark = pytest.mark.django_db
EDIT = reverse("partnership:partnership-edit")


def test_edit_shows_the_current_details(client_as):
    form = client_as("admin").get(EDIT).context["form"]

    assert form.initial["name"] == "Brackenmoor Safeguarding Children Partnership"
    assert form.initial["live_concern_contacts"] == (
        "designated.lead@brackenmoor.example\nmash@brackenmoor.example"
    )


def test_saving_renames_the_header_of_every_page(client_as, django_capture_on_commit_callbacks):
    client = client_as("admin")
    assert "Brackenmoor Safeguarding Children Partnership" in client.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            EDIT,
            {
                "name": "Fellmoor Safeguarding Children Partnership",
                "short_name": "FSCP",
                "live_concern_contacts": "  mash@fellmoor.example \n\nduty@fellmoor.example",
            },
            follow=True,
        )

    assert [str(m) for m in response.context["messages"]] == [
        "The partnership's details have been saved."
    ]
    partnership = Partnership.objects.get()
    assert partnership.live_concern_contacts == "mash@fellmoor.example\nduty@fellmoor.example"
    page = client_as("viewer").get("/").content.decode()
    assert "Fellmoor Safeguarding Children Partnership</a>" in page
    assert change_events() == ["partnership.changed"]


def test_a_contact_that_is_not_an_email_address_is_a_form_error(client_as):
    response = client_as("admin").post(
        EDIT,
        {"name": "Renamed", "live_concern_contacts": "mash@brackenmoor.example\nthe duty desk"},
    )

    page = response.content.decode()
    assert "<title>Error: Partnership details" in page
    assert "Line 2, “the duty desk”, is not an e-mail address." in page
    assert Partnership.objects.get().name == "Brackenmoor Safeguarding Children Partnership"
    assert change_events() == []


def test_a_missing_name_is_a_form_error(client_as):
    response = client_as("admin").post(EDIT, {"name": ""})

    assert response.context["form"].errors == {"name": ["Enter the partnership's name"]}
    assert change_events() == []


def test_refused_for_a_chair_and_changes_nothing(client_as):
    response = client_as("chair").post(EDIT, {"name": "Taken over"})

    assert response.status_code == 403
    assert Partnership.objects.get().name == "Brackenmoor Safeguarding Children Partnership"
    assert change_events() == []
