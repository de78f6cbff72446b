"""Every page of the register renders valid GOV.UK HTML (one <h1>, title, unique ids)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeguarding_qa.recommendations.choices import ActionStatus

from .factories import make_action, make_recommendation

pytestmark = pytest.mark.django_db


def test_every_page_renders_for_the_chair_and_a_lead(client_as, organisations, personas):
    recommendation = make_recommendation()
    action = make_action(recommendation, organisations["police"], owner=personas["lead_police"])
    awaiting = make_action(
        recommendation, organisations["police"], status=ActionStatus.AWAITING_SIGN_OFF
    )
    chair_pages = [
        reverse("recommendations:register"),
        reverse("recommendations:summary"),
        reverse("recommendations:action-list"),
        reverse("recommendations:recommendation-create"),
        reverse("recommendations:recommendation-detail", args=[recommendation.pk]),
        reverse("recommendations:recommendation-edit", args=[recommendation.pk]),
        reverse("recommendations:recommendation-history", args=[recommendation.pk]),
        reverse("recommendations:evidence-add", args=[recommendation.pk]),
        reverse("recommendations:recommendation-embed", args=[recommendation.pk]),
        reverse("recommendations:action-create", args=[recommendation.pk]),
        reverse("recommendations:action-detail", args=[action.pk]),
        reverse("recommendations:action-edit", args=[action.pk]),
        reverse("recommendations:action-sign-off", args=[awaiting.pk]),
        reverse("recommendations:register-import"),
        reverse("recommendations:reminder-settings"),
    ]
    chair = client_as("chair")
    for url in chair_pages:
        assert chair.get(url).status_code == 200, url
    # Forms with errors render too (the page checker validates them).
    assert chair.post(reverse("recommendations:recommendation-create"), {}).status_code == 200
    assert (
        chair.post(
            reverse("recommendations:action-create", args=[recommendation.pk]), {}
        ).status_code
        == 200
    )
    lead = client_as("lead_police")
    for url in [
        reverse("recommendations:action-list"),
        reverse("recommendations:action-progress", args=[action.pk]),
    ]:
        assert lead.get(url).status_code == 200, url
    assert (
        lead.post(reverse("recommendations:action-progress", args=[action.pk]), {}).status_code
        == 200
    )
