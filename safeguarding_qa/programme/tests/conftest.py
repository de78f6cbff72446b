"""Fixtures for the work programme tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safeguarding_qa.access.context import Access
from safeguarding_qa.programme.models import WorkProgramme


@pytest.fixture
def access_as(personas) -> Callable[[str], Access]:
    return lambda key: Access.for_user(personas[key])


@pytest.fixture
def programme(db) -> WorkProgramme:
    return WorkProgramme.objects.create(year=2025)
