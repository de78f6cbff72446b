from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def shared_fixtures() -> Path:
    """``../shared/fixtures`` beside the repository; these tests must run, never skip."""
    folder = Path(settings.BASE_DIR).parent / "shared" / "fixtures"
    if not folder.is_dir():
        pytest.fail(f"The shared fixtures folder {folder} is missing; tests need it in CI.")
    return folder


@pytest.fixture
def annex_a_2020(shared_fixtures: Path) -> Path:
    return shared_fixtures / "annex_a_sample_2020.xlsx"


@pytest.fixture
def annex_a_2024(shared_fixtures: Path) -> Path:
    return shared_fixtures / "annex_a_sample_2024.xlsx"


@pytest.fixture
def cin_sample(shared_fixtures: Path) -> Path:
    return shared_fixtures / "cin_census_sample_332.xml"
