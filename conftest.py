"""Fixtures shared by every app's tests: the demo personas and clients signed in as them."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from safeguarding_qa.core.testing import PageCheckingClient
from safeguarding_qa.demo.builder import ensure_organisations, ensure_partnership, ensure_personas


@pytest.fixture
def organisations(db):
    ensure_partnership()
    return ensure_organisations()


@pytest.fixture
def personas(organisations):
    """The fixed cast (see safeguarding_qa/demo/personas.py), keyed by persona key."""
    return ensure_personas(organisations)


@pytest.fixture
def client() -> PageCheckingClient:
    return PageCheckingClient()


@pytest.fixture
def client_as(personas) -> Callable[[str], PageCheckingClient]:
    """A client signed in as the named persona, e.g. ``client_as("lead_police")``."""

    def sign_in(key: str) -> PageCheckingClient:
        person = personas[key]
        signed_in = PageCheckingClient()
        signed_in.force_login(person)
        session = signed_in.session
        # Signed in just now, so re-authentication prompts do not get in the way.
        session["account_authentication_methods"] = [
            {
                "method": "password",
                "at": time.time(),
                "email": person.email,
                "reauthenticated": True,
            }
        ]
        session["account_authentication_methods_user"] = str(person.pk)
        session.save()
        return signed_in

    return sign_in


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
