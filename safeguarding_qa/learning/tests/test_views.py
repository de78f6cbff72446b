"""Briefing pages, the public pages (no sign-in, nothing unpublished) and the PDF."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeguarding_qa.core.testing import PageCheckingClient
from safeguarding_qa.learning.choices import BriefingStatus, CascadeMethod
from safeguarding_qa.learning.models import Dissemination, LearningBriefing
from safeguarding_qa.reports.tests.pdftext import pdf_text

from .conftest import make_briefing

pytestmark = pytest.mark.django_db
LIST = reverse("learning:briefing-list")
PUBLIC = reverse("learning:public-list")


def _public(briefing: LearningBriefing, name: str = "public-detail") -> str:
    return reverse(f"learning:{name}", kwargs={"slug": briefing.slug})


def test_the_public_page_needs_no_sign_in(published):
    response = PageCheckingClient().get(_public(published))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Voice of the child" in page
    assert "1. Background" in page and "7. Further reading and contacts" in page
    assert "Text of what we found." in page


def test_the_public_pages_expose_nothing_unpublished(personas, organisations, published, draft):
    Dissemination.objects.create(
        briefing=published,
        organisation=organisations["police"],
        cascaded_on=date(2025, 5, 1),
        method=CascadeMethod.BULLETIN,
        staff_reached=77,
        feedback="Internal feedback that stays inside.",
        recorded_by=personas["lead_police"],
    )
    withdrawn = make_briefing(personas, BriefingStatus.WITHDRAWN, title="Withdrawn one")
    approved = make_briefing(personas, BriefingStatus.APPROVED, title="Approved one")
    anonymous = PageCheckingClient()

    listing = anonymous.get(PUBLIC).content.decode()
    assert "Voice of the child" in listing
    for hidden in (draft, withdrawn, approved):
        assert hidden.title not in listing
        assert anonymous.get(_public(hidden)).status_code == 404
        assert anonymous.get(_public(hidden, "public-pdf")).status_code == 404
    page = anonymous.get(_public(published)).content.decode()
    assert "Internal feedback" not in page and "77" not in page
    assert reverse("learning:briefing-detail", args=[published.pk]) not in page


def test_the_public_pdf_has_the_seven_sections_and_no_marking(published):
    response = PageCheckingClient().get(_public(published, "public-pdf"))

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Voice of the child" in text
    assert "1. Background" in text and "6. Questions for reflection" in text
    assert "Text of what good looks like." in text
    assert "OFFICIAL-SENSITIVE" not in text


def test_withdrawing_takes_the_public_page_down(client_as, published):
    client = client_as("chair")
    url = reverse("learning:briefing-withdraw", args=[published.pk])
    assert client.post(url, {"reason": ""}).status_code == 200  # reason required

    response = client.post(url, {"reason": "Superseded."})

    assert response.status_code == 302
    assert PageCheckingClient().get(_public(published)).status_code == 404


def test_drafting_editing_approving_and_publishing_through_the_pages(client_as):
    admin, chair = client_as("admin"), client_as("chair")
    sections = {
        "background": "B",
        "why_it_matters": "W",
        "what_we_found": "F",
        "what_good_looks_like": "G",
        "what_to_do": "D",
        "reflection_questions": "Q1\nQ2",
    }
    response = admin.post(reverse("learning:briefing-create"), {"title": "Fathers", **sections})
    briefing = LearningBriefing.objects.get()
    detail = reverse("learning:briefing-detail", args=[briefing.pk])
    assert response["Location"] == detail

    approve = reverse("learning:briefing-approve", args=[briefing.pk])
    refused = chair.post(approve)
    assert "Missing: Further reading and contacts" in refused.content.decode()
    admin.post(
        reverse("learning:briefing-edit", args=[briefing.pk]),
        {"title": "Fathers", **sections, "further_reading": "Procedures"},
    )
    assert chair.post(approve).status_code == 302
    assert admin.post(reverse("learning:briefing-publish", args=[briefing.pk])).status_code == 302

    briefing.refresh_from_db()
    assert briefing.status == BriefingStatus.PUBLISHED
    page = admin.get(detail).content.decode()
    assert _public(briefing) in page
    assert PageCheckingClient().get(_public(briefing)).status_code == 200


def test_the_briefing_form_shows_errors_and_writes_nothing(client_as):
    response = client_as("chair").post(reverse("learning:briefing-create"), {"title": ""})

    assert "Enter the briefing&#x27;s title" in response.content.decode()
    assert not LearningBriefing.objects.exists()


def test_recording_dissemination_through_the_page(client_as, organisations, published):
    client = client_as("lead_hospital")
    url = reverse("learning:dissemination-add", args=[published.pk])
    form = client.get(url)
    assert list(form.context["form"].fields["organisation"].queryset) == [organisations["hospital"]]

    response = client.post(
        url,
        {
            "organisation": organisations["hospital"].pk,
            "cascaded_on_day": "3",
            "cascaded_on_month": "4",
            "cascaded_on_year": "2025",
            "method": CascadeMethod.SUPERVISION,
            "staff_reached": "14",
            "feedback": "Named nurses used the questions.",
        },
    )

    assert response.status_code == 302
    page = client.get(reverse("learning:briefing-detail", args=[published.pk])).content.decode()
    assert "Named nurses used the questions." in page
    assert "1 of " in page and "reaching 14 staff" in page


def test_bad_dissemination_input_shows_errors(client_as, organisations, published):
    response = client_as("admin").post(
        reverse("learning:dissemination-add", args=[published.pk]),
        {"organisation": organisations["council"].pk, "staff_reached": "-3"},
    )

    page = response.content.decode()
    assert "The number of staff must be 1 or more" in page
    assert "Enter the date it was cascaded" in page
    assert not Dissemination.objects.exists()


def test_readers_see_published_briefings_only(client_as, published, draft):
    page = client_as("viewer").get(LIST).content.decode()

    assert "Voice of the child" in page and "Draft on neglect" not in page
    assert "Draft on neglect" in client_as("admin").get(LIST).content.decode()


def test_pages_run_a_fixed_number_of_queries(
    client_as, personas, organisations, published, django_assert_num_queries
):
    def cascade(key: str) -> None:
        Dissemination.objects.create(
            briefing=published,
            organisation=organisations[key],
            cascaded_on=date(2025, 5, 1),
            method=CascadeMethod.BULLETIN,
            staff_reached=5,
            recorded_by=personas["admin"],
        )

    cascade("council")
    client = client_as("admin")
    detail = reverse("learning:briefing-detail", args=[published.pk])
    client.get(LIST)
    client.get(detail)
    with CaptureQueriesContext(connection) as list_few:
        client.get(LIST)
    with CaptureQueriesContext(connection) as detail_few:
        client.get(detail)
    for n in range(30):
        make_briefing(personas, BriefingStatus.PUBLISHED, title=f"Briefing {n}")
    for key in ("police", "hospital", "gp", "housing"):
        cascade(key)
    with django_assert_num_queries(len(list_few.captured_queries)):
        client.get(LIST)
    with django_assert_num_queries(len(detail_few.captured_queries)):
        client.get(detail)


def test_what_needs_me_lists_drafts_for_chairs_and_cascades_for_leads(
    rf, personas, draft, published
):
    from safeguarding_qa.access.context import Access
    from safeguarding_qa.learning.needs import briefings_needing_me

    def items(key: str) -> list[str]:
        request = rf.get("/")
        request.access = Access.for_user(personas[key])
        return [item.title for item in briefings_needing_me(request)]

    assert items("chair") == ["1 learning briefing in draft"]
    assert items("lead_police") == ["Cascade Voice of the child"]
    assert items("viewer") == []
