"""The programme's policy warnings and copy-forward rule."""

from __future__ import annotations

from safeguarding_qa.programme.choices import ItemKind, ItemStatus
from safeguarding_qa.programme.rules import copied_forward, programme_warnings


def test_no_warnings_for_six_audits_with_a_deep_dive():
    kinds = [ItemKind.CASE_FILE_AUDIT] * 5 + [ItemKind.DEEP_DIVE, ItemKind.DASHBOARD_REVIEW]

    assert programme_warnings(kinds) == []


def test_warns_of_more_than_six_audits_and_no_deep_dive():
    kinds = [ItemKind.CASE_FILE_AUDIT] * 4 + [ItemKind.COMPLIANCE_AUDIT] * 3

    warnings = programme_warnings(kinds)

    assert warnings == [
        "The programme holds 7 audits; the policy is no more than 6 a year.",
        "The programme has no deep dive; the policy is at least one a year.",
    ]


def test_the_policy_is_configurable(settings):
    settings.PROGRAMME_MAX_AUDITS = 2
    settings.PROGRAMME_REQUIRE_DEEP_DIVE = False

    assert programme_warnings([ItemKind.CASE_FILE_AUDIT] * 3) == [
        "The programme holds 3 audits; the policy is no more than 2 a year."
    ]


def test_recurring_and_unfinished_work_is_copied_forward():
    assert copied_forward(ItemKind.DASHBOARD_REVIEW, ItemStatus.DONE)
    assert copied_forward(ItemKind.CASE_FILE_AUDIT, ItemStatus.SLIPPED)
    assert not copied_forward(ItemKind.CASE_FILE_AUDIT, ItemStatus.DONE)
