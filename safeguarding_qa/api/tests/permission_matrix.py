"""Permission-matrix rows for the API and its token pages.

The API answers only bearer tokens: a signed-in session is not enough (401). The OpenAPI
description and its documentation page are public. Token pages are for the people who may
submit returns: leads see and revoke only their own organisation's tokens.
"""

from __future__ import annotations

from typing import Any

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.api.models import ApiToken

SUBMITTERS = {"admin": 200, "admin_icb": 200, "lead_council": 200}


def build(world: World) -> None:
    world.objects["council_token"] = ApiToken.objects.create(
        organisation=world.organisations["council"],
        name="Matrix council system",
        prefix="matrix01",
        secret_hash="0" * 64,
        created_by=world.personas["lead_council"],
    )


def _token(w: World) -> dict[str, Any]:
    return {"pk": w.objects["council_token"].pk}


def _token_data(w: World) -> dict[str, Any]:
    return {"organisation": w.organisations["council"].pk, "name": "Matrix warehouse"}


ROUTES: list[RouteCheck] = [
    RouteCheck("api:openapi-json", expect(200, anonymous=200)),
    RouteCheck("api:openapi-view", expect(200, anonymous=200)),
    RouteCheck("api:api-root", expect(404, anonymous=404)),
    RouteCheck("api:list_indicators", expect(401, anonymous=401)),
    RouteCheck("api:list_periods", expect(401, anonymous=401)),
    RouteCheck("api:submit_return", expect(401, anonymous=401), method="POST"),
    RouteCheck("api-token-list", expect(403, **SUBMITTERS, lead_police=200, lead_hospital=200)),
    RouteCheck(
        "api-token-list",
        expect(403, **SUBMITTERS, lead_police=200, lead_hospital=200),
        method="POST",
        data=_token_data,
    ),
    RouteCheck(
        "api-token-revoke",
        expect(403, **SUBMITTERS, lead_police=404, lead_hospital=404),
        kwargs=_token,
    ),
    RouteCheck(
        "api-token-revoke",
        expect(403, admin=302, admin_icb=302, lead_council=302, lead_police=404, lead_hospital=404),
        method="POST",
        kwargs=_token,
    ),
]
