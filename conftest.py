"""Fixtures shared by every app's tests: the demo personas and clients signed in as them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safeguarding_qa.core.testing import PageCheckingClient, sign_in_recently
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
        return sign_in_recently(PageCheckingClient(), personas[key])  # type: ignore[return-value]

    return sign_in


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
