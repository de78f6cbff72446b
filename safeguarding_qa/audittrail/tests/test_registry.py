"""The registry of event kinds: stable names, each defined once."""

from __future__ import annotations

import pytest

from safeguarding_qa.audittrail import registry
from safeguarding_qa.audittrail.events import AUDIT_TRAIL_EXPORTED


@pytest.fixture
def own_registry(monkeypatch):
    """A copy of the registry, so kinds defined by a test do not outlive it."""
    monkeypatch.setattr(registry, "_kinds", dict(registry._kinds))


def test_defining_a_kind_twice_fails(own_registry):
    with pytest.raises(ValueError, match="'audit_trail.exported' is defined twice"):
        registry.define("audit_trail.exported", "Something else")
    assert registry.get("audit_trail.exported") is AUDIT_TRAIL_EXPORTED


@pytest.mark.parametrize("name", ["Audit_trail.viewed", "audittrail", " audit.viewed"])
def test_a_kind_needs_a_lower_case_area_and_verb(own_registry, name):
    with pytest.raises(ValueError, match="must be lower case as 'area.verb'"):
        registry.define(name, "Badly named")
    assert registry.find(name) is None


def test_a_new_kind_is_listed_and_found(own_registry):
    kind = registry.define("testing.noticed", "Noticed in a test")
    assert registry.find("testing.noticed") is kind
    assert kind in registry.all_kinds()
    assert str(kind) == "testing.noticed"


def test_every_app_defines_its_kinds_at_import():
    names = {kind.name for kind in registry.all_kinds()}
    assert {"audit_trail.exported", "sign_in.succeeded", "organisation.changed"} <= names
