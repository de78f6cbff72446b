"""Fixtures for audit tests: a four-case audit with three agencies, returns open."""

from __future__ import annotations

from typing import Any

import pytest

from safeguarding_qa.access.context import Access
from safeguarding_qa.audits.choices import AuditStatus

from .builders import assign, make_audit, make_case, make_return


@pytest.fixture
def access_of_persona(personas: dict[str, Any]) -> Any:
    return lambda key: Access.for_user(personas[key])


@pytest.fixture
def open_audit(organisations: dict[str, Any], personas: dict[str, Any]) -> Any:
    """Council, police and hospital; four cases; every auditor on Case A; draft returns."""
    orgs = [organisations["council"], organisations["police"], organisations["hospital"]]
    audit = make_audit("Test audit", orgs, status=AuditStatus.RETURNS_OPEN, aims=3)
    for letter in "ABCD":
        case = make_case(audit, f"Case {letter}", child_name="Test Child", nhs_number="4857773456")
        for org in orgs:
            make_return(case, org)
    case_a = audit.cases.get(reference="Case A")
    for key in ("auditor_council", "auditor_police", "auditor_hospital"):
        assign(case_a, personas[key])
    return audit
