"""The token API: one organisation per token, revocable, logged; OpenAPI at /api/docs."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding_qa.access.context import Access
from safeguarding_qa.api.models import ApiToken
from safeguarding_qa.api.services import token_create, token_revoke
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.indicators.models import IndicatorValue

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_key(personas, seeded):
    police = seeded.indicators["STRATEGY_POLICE_PRESENT"].organisation
    token, key = token_create(
        access=Access.for_user(personas["lead_police"]), organisation=police, name="Warehouse"
    )
    return token, key


def _post(key, body):
    return Client().post(
        "/api/returns",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )


def test_a_system_submits_its_return_through_the_api(police_key, seeded):
    token, key = police_key
    response = _post(
        key,
        {
            "period": seeded.latest.label,
            "values": [{"code": "STRATEGY_POLICE_PRESENT", "numerator": 45, "denominator": 50}],
        },
    )
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 1
    value = IndicatorValue.objects.get()
    assert value.value == 90 and value.source == "api" and value.submitted_by is None
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert AuditEvent.objects.filter(kind="api_token.used").exists()
    assert AuditEvent.objects.filter(
        kind="indicator_value.submitted", data__api_token=str(token)
    ).exists()


def test_a_token_reaches_only_its_own_organisation(police_key, seeded):
    _, key = police_key
    response = _post(
        key,
        {
            "period": seeded.latest.label,
            "values": [
                {"code": "STRATEGY_POLICE_PRESENT", "numerator": 45, "denominator": 50},
                {"code": "ASSESSMENT_45WD", "numerator": 1, "denominator": 2},
            ],
        },
    )
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert (
        problems[0]["where"] == "values[1]"
        and "not Fellshire Constabulary's" in problems[0]["message"]
    )
    assert not IndicatorValue.objects.exists()
    listed = Client().get("/api/indicators", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert {item["code"] for item in listed} >= {"STRATEGY_POLICE_PRESENT"}
    assert "ASSESSMENT_45WD" not in {item["code"] for item in listed}


def test_unknown_period_and_bad_json_are_refused(police_key):
    _, key = police_key
    response = _post(key, {"period": "2099 Q9", "values": [{"code": "X"}]})
    assert response.status_code == 422 and "There is no quarter" in response.content.decode()
    assert (
        _post(key, {"period": "2025-26 Q1", "values": [{"code": "X", "value": -1}]}).status_code
        == 422
    )
    assert not IndicatorValue.objects.exists()


def test_revoked_and_wrong_tokens_are_refused_and_logged(police_key, personas, seeded):
    token, key = police_key
    token_revoke(access=Access.for_user(personas["lead_police"]), token=token)
    body = {
        "period": seeded.latest.label,
        "values": [{"code": "STRATEGY_POLICE_PRESENT", "value": 1}],
    }
    assert _post(key, body).status_code == 401
    assert _post(key[:-2] + "xx", body).status_code == 401
    assert _post("nonsense", body).status_code == 401
    assert AuditEvent.objects.filter(kind="api_token.refused").count() == 3
    assert not IndicatorValue.objects.exists()


def test_a_session_is_not_enough(client_as, seeded):
    assert client_as("admin").get("/api/periods").status_code == 401


def test_the_key_is_shown_once_and_only_its_hash_is_kept(client_as, organisations):
    client = client_as("lead_council")
    response = client.post(
        reverse("api-token-list"),
        {"organisation": organisations["council"].pk, "name": "Nightly export"},
    )
    body = response.content.decode()
    token = ApiToken.objects.get()
    assert "sqa_" + token.prefix in body
    key = body.split("sqa_" + token.prefix, 1)[1].split("<", 1)[0]
    assert key.strip("_") not in token.secret_hash
    listing = client.get(reverse("api-token-list")).content.decode()
    assert "Nightly export" in listing and key.strip("_") not in listing


def test_a_lead_cannot_create_a_token_for_another_organisation(client_as, organisations):
    response = client_as("lead_council").post(
        reverse("api-token-list"), {"organisation": organisations["police"].pk, "name": "Sneaky"}
    )
    assert (
        response.status_code == 200
        and "Select an organisation from the list" in response.content.decode()
    )
    assert not ApiToken.objects.exists()


def test_openapi_description_and_docs_are_served(client):
    schema = Client().get("/api/openapi.json").json()
    assert "/api/returns" in schema["paths"]
    assert any(
        scheme.get("scheme") == "bearer"
        for scheme in schema["components"]["securitySchemes"].values()
    )
    page = client.get("/api/docs")
    assert page.status_code == 200 and "POST /api/returns" in page.content.decode()


def test_a_system_sends_a_monthly_indicator_for_a_month(police_key, personas, seeded):
    from safeguarding_qa.indicators.choices import Frequency, PeriodKind
    from safeguarding_qa.indicators.models import Period
    from safeguarding_qa.indicators.services.setup import (
        indicator_update,
        quarter_ensure_with_months,
    )

    _, key = police_key
    indicator = seeded.indicators["STRATEGY_POLICE_PRESENT"]
    indicator_update(
        access=Access.for_user(personas["admin"]), indicator=indicator, frequency=Frequency.MONTHLY
    )
    quarter_ensure_with_months(start=seeded.latest.start)
    month = Period.every.filter(kind=PeriodKind.MONTH).order_by("start").first()
    assert month is not None
    listed = Client().get("/api/periods", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert (month.label, "month") in [(p["label"], p["kind"]) for p in listed]
    values = [{"code": "STRATEGY_POLICE_PRESENT", "numerator": 9, "denominator": 10}]
    refused = _post(key, {"period": seeded.latest.label, "values": values})
    assert refused.status_code == 422 and "reported monthly" in refused.content.decode()
    unknown = _post(key, {"period": "Octember 2025", "values": values})
    assert unknown.status_code == 422 and "October 2025" in unknown.content.decode()
    assert not IndicatorValue.objects.exists()
    response = _post(key, {"period": month.label, "values": values})
    assert response.status_code == 200, response.content
    assert IndicatorValue.objects.get().period == month
