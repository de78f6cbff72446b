from __future__ import annotations

import pytest

from safeguarding_qa.selfassessment.models import Framework, Standard
from safeguarding_qa.selfassessment.seeds import FRAMEWORKS, ensure_frameworks


@pytest.mark.django_db
def test_the_migration_seeds_section_11_and_section_175():
    names = set(Framework.objects.values_list("kind", flat=True))
    assert names == {"section_11", "section_175"}
    for spec in FRAMEWORKS:
        framework = Framework.objects.get(code=spec["code"])
        assert framework.standards.count() == len(spec["standards"]) == 9


@pytest.mark.django_db
def test_seeding_again_changes_nothing():
    before = Standard.objects.count()
    ensure_frameworks(Framework, Standard)
    assert Standard.objects.count() == before
