"""Home, statements, health and error pages."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_home_shows_an_empty_what_needs_me_list(client_as, personas):
    Authenticator.objects.create(
        user=personas["lead_police"], type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    response = client_as("lead_police").get("/")
    assert response.status_code == 200
    assert "Nothing needs you right now." in response.content.decode()


@pytest.mark.django_db
def test_home_lists_what_needs_the_person(client_as):
    response = client_as("lead_police").get("/")
    page = response.content.decode()
    assert "Set up two-factor authentication" in page
    assert "Nothing needs you right now." not in page


@pytest.mark.django_db
def test_home_requires_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/accessibility/", "/privacy/"])
def test_statements_are_public(client, organisations, path):
    response = client.get(path)
    assert response.status_code == 200


@pytest.mark.django_db
def test_healthz_reports_application_and_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "application": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_unknown_page_is_a_styled_404(client_as):
    response = client_as("viewer").get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_page_is_styled_and_needs_no_database(rf):
    from safeguarding_qa.core.testing import check_page_quality
    from safeguarding_qa.core.views import server_error

    response = server_error(rf.get("/anything/"))
    assert response.status_code == 500
    page = response.content.decode()
    check_page_quality(page)
    assert "Sorry, there is a problem with the service" in page


@pytest.mark.django_db
def test_a_refused_action_is_a_styled_403(client_as):
    response = client_as("viewer").get("/audit-trail/")
    assert response.status_code == 403
    assert "You do not have permission to do this" in response.content.decode()
