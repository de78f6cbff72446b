"""Deadlines, RAG and stages of serious incidents."""

from __future__ import annotations

from datetime import date

from safeguarding_qa.core.choices import RAG
from safeguarding_qa.reviews import rules
from safeguarding_qa.reviews.choices import RapidReviewDecision, Stage
from safeguarding_qa.reviews.models import PracticeReview, SeriousIncident


def _incident(**fields: object) -> SeriousIncident:
    values = {
        "reference": "Child Q",
        "aware_on": date(2026, 3, 2),
        "death_or_serious_harm": True,
        "abuse_or_neglect": True,
        "summary": "",
    }
    values.update(fields)
    return SeriousIncident(**values)


def test_statutory_deadlines_count_working_days_from_awareness():
    notification, rapid = rules.incident_deadlines(_incident())
    assert notification.due_on == date(2026, 3, 9)
    assert rapid.due_on == date(2026, 3, 23)


def test_an_lcspr_is_due_six_months_after_the_decision():
    incident = _incident(decision=RapidReviewDecision.LCSPR, decided_on=date(2026, 3, 20))
    assert rules.incident_deadlines(incident)[2].due_on == date(2026, 9, 20)


def test_late_deadline_reports_working_days_late():
    notification = rules.incident_deadlines(_incident(notified_on=date(2026, 3, 11)))[0]
    assert notification.met is False
    assert notification.working_days_late == 2


def test_rag_is_red_when_overdue_amber_when_close_green_otherwise():
    due = date(2026, 3, 9)
    assert rules.deadline_rag(due, None, date(2026, 3, 10)) == RAG.RED
    assert rules.deadline_rag(due, None, date(2026, 3, 5)) == RAG.AMBER
    assert rules.deadline_rag(due, None, date(2026, 3, 2)) == RAG.GREEN
    assert rules.deadline_rag(due, date(2026, 3, 12), date(2026, 3, 20)) is None


def test_next_deadline_is_the_earliest_open_one():
    incident = _incident(notified_on=date(2026, 3, 4))
    deadline = rules.next_deadline(incident)
    assert deadline is not None
    assert deadline.key == rules.RAPID_REVIEW


def test_stages_follow_the_statutory_journey():
    assert rules.incident_stage(_incident()) == Stage.NOTIFICATION_DUE
    notified = {"notified_on": date(2026, 3, 4)}
    assert rules.incident_stage(_incident(**notified)) == Stage.RAPID_REVIEW
    decided = {
        **notified,
        "sent_to_panel_on": date(2026, 3, 20),
        "decided_on": date(2026, 3, 18),
    }
    closed = _incident(**decided, decision=RapidReviewDecision.NO_FURTHER_REVIEW)
    assert rules.incident_stage(closed) == Stage.CLOSED
    lcspr = _incident(**decided, decision=RapidReviewDecision.LCSPR)
    assert rules.incident_stage(lcspr) == Stage.LCSPR
    lcspr.practice_review = PracticeReview(name="Child Q", published_on=date(2026, 9, 1))
    assert rules.incident_stage(lcspr) == Stage.PUBLISHED


def test_notification_criteria_need_both_harm_and_abuse_or_neglect():
    assert rules.meets_notification_criteria(_incident())
    assert not rules.meets_notification_criteria(_incident(abuse_or_neglect=False))
