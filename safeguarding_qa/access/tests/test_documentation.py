"""The generated permissions document is current and says what the roles say."""

from __future__ import annotations

from safeguarding_qa.access.documentation import MATRIX_PATH, render_matrix
from safeguarding_qa.access.roles import Role


def test_permissions_matrix_document_is_current():
    assert MATRIX_PATH.read_text() == render_matrix(), (
        "docs/permissions-matrix.md is stale: run `manage.py permissions_matrix`."
    )


def test_document_lists_every_role_and_policy():
    rendered = render_matrix()
    for role in Role:
        assert f"| {role.label} |" in rendered
    assert "### accounts.User" in rendered
    assert "### audittrail.AuditEvent" in rendered
