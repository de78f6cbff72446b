"""The named rules: grading, disagreement, evidence, lifecycle."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from safeguarding_qa.audits import rules
from safeguarding_qa.audits.choices import AnswerType, AuditStatus, YesNo

ranks = st.lists(st.one_of(st.none(), st.integers(min_value=1, max_value=6)), max_size=8)


@given(ranks)
def test_grades_disagree_exactly_when_two_steps_apart(values):
    given_ranks = [v for v in values if v is not None]
    expected = bool(given_ranks) and max(given_ranks) - min(given_ranks) >= 2
    assert rules.grades_disagree(values) is expected


@given(ranks)
def test_grade_disagreement_ignores_order(values):
    assert rules.grades_disagree(values) == rules.grades_disagree(list(reversed(values)))


@given(st.integers(min_value=1, max_value=5), st.integers(min_value=0, max_value=1))
def test_adjacent_grades_never_disagree(rank, step):
    assert not rules.grades_disagree([rank, rank + step])


@given(st.lists(st.sampled_from(YesNo.values), max_size=6))
def test_responses_disagree_only_with_yes_beside_no(values):
    expected = YesNo.YES in values and YesNo.NO in values
    assert rules.responses_disagree(values) is expected


@given(st.sampled_from(YesNo.values))
def test_evidence_is_required_only_for_no(response):
    required = rules.evidence_required(AnswerType.YES_NO, response=response)
    assert required is (response == YesNo.NO)


@given(st.booleans())
def test_graded_evidence_follows_the_grade(needs):
    assert rules.evidence_required(AnswerType.GRADED, grade_needs_evidence=needs) is needs
    assert rules.evidence_required(AnswerType.TEXT, grade_needs_evidence=needs) is False


def test_lifecycle_moves_one_step_at_a_time():
    order = list(AuditStatus)
    for current, following in zip(order, order[1:], strict=False):
        assert rules.next_status(current) == following
    assert rules.next_status(AuditStatus.CLOSED) is None


def test_is_late():
    from datetime import date

    due = date(2026, 3, 1)
    assert rules.is_late(returns_due=due, status="draft", today=date(2026, 3, 2))
    assert not rules.is_late(returns_due=due, status="draft", today=due)
    assert not rules.is_late(returns_due=due, status="submitted", today=date(2026, 4, 1))
    assert not rules.is_late(returns_due=None, status="draft", today=date(2026, 4, 1))
