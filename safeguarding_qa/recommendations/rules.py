"""The register's named domain rules. Each rule has one Python form (for one object) and,
where lists filter on it, one database form that must agree with it (a property test
checks that they do).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, CharField, Exists, F, OuterRef, Q, Value, When

from safeguarding_qa.core.choices import RAG

from .choices import FINISHED_STATUSES, OPEN_STATUSES, ActionStatus, RecommendationStatus
from .models import Action

DUE_SOON = timedelta(days=30)
STALE_AFTER = timedelta(days=60)
REMINDER_WINDOW = timedelta(days=14)


@dataclass(frozen=True)
class RagResult:
    rag: RAG
    reason: str


def action_rag(*, status: str, due_on: date, last_update_on: date | None, today: date) -> RagResult:
    """Rule "action RAG": the red / amber / green of an action, never typed by hand.

    * Signed off, or completed and awaiting sign-off: green.
    * Closed without being achieved: red.
    * Open (not started or in progress) and past its due date: red (overdue).
    * Open, due within 30 days, and not updated in the last 60 days (or ever): amber.
    * Open, due within 30 days and not started: amber.
    * Otherwise: green (on track).
    """
    if status in (ActionStatus.SIGNED_OFF, ActionStatus.AWAITING_SIGN_OFF):
        return RagResult(RAG.GREEN, "Completed")
    if status == ActionStatus.CLOSED_NOT_ACHIEVED:
        return RagResult(RAG.RED, "Closed without being achieved")
    if due_on < today:
        return RagResult(RAG.RED, "Overdue")
    if due_on <= today + DUE_SOON:
        if last_update_on is None or last_update_on < today - STALE_AFTER:
            return RagResult(RAG.AMBER, "Due within 30 days with no update in 60 days")
        if status == ActionStatus.NOT_STARTED:
            return RagResult(RAG.AMBER, "Due within 30 days and not started")
    return RagResult(RAG.GREEN, "On track")


def rag_q(rag: str, *, today: date, prefix: str = "") -> Q:
    """The database form of "action RAG" for one colour, on Action fields (``prefix``
    reaches them from another model, e.g. ``"actions__"``)."""

    def q(**lookups: object) -> Q:
        return Q(**{f"{prefix}{name}": value for name, value in lookups.items()})

    completed = q(status__in=[ActionStatus.SIGNED_OFF, ActionStatus.AWAITING_SIGN_OFF])
    is_open = q(status__in=OPEN_STATUSES)
    overdue = is_open & q(due_on__lt=today)
    soon = is_open & q(due_on__gte=today, due_on__lte=today + DUE_SOON)
    stale = q(last_progress_on__isnull=True) | q(last_progress_on__lt=today - STALE_AFTER)
    amber = soon & (stale | q(status=ActionStatus.NOT_STARTED))
    if rag == RAG.RED:
        return q(status=ActionStatus.CLOSED_NOT_ACHIEVED) | overdue
    if rag == RAG.AMBER:
        return amber
    return completed | (is_open & ~overdue & ~amber)


def action_rag_expression(*, today: date) -> Case:
    """The database form of "action RAG" as one annotation."""
    return Case(
        When(rag_q(RAG.RED, today=today), then=Value(RAG.RED)),
        When(rag_q(RAG.AMBER, today=today), then=Value(RAG.AMBER)),
        default=Value(RAG.GREEN),
        output_field=CharField(),
    )


def is_overdue(*, status: str, due_on: date, today: date) -> bool:
    """Rule "overdue": an open action (not started or in progress) past its due date."""
    return status in OPEN_STATUSES and due_on < today


def overdue_q(today: date, prefix: str = "") -> Q:
    """The database form of "overdue"."""
    return Q(**{f"{prefix}status__in": OPEN_STATUSES, f"{prefix}due_on__lt": today})


def recommendation_status(*, statuses: Iterable[str], embedded: bool) -> RecommendationStatus:
    """Rule "recommendation status", derived from its actions:

    * marked embedded (only possible with impact evidence): embedded;
    * no actions: no actions yet;
    * every action signed off or closed: completed;
    * every action finished or awaiting sign-off, at least one awaiting: awaiting sign-off;
    * every action not started: not started;
    * otherwise: in progress.
    """
    if embedded:
        return RecommendationStatus.EMBEDDED
    counts = dict.fromkeys(ActionStatus.values, 0)
    for status in statuses:
        counts[status] += 1
    total = sum(counts.values())
    return _status_from_counts(counts, total)


def _status_from_counts(counts: dict[str, int], total: int) -> RecommendationStatus:
    finished = counts[ActionStatus.SIGNED_OFF] + counts[ActionStatus.CLOSED_NOT_ACHIEVED]
    awaiting = counts[ActionStatus.AWAITING_SIGN_OFF]
    if total == 0:
        return RecommendationStatus.NO_ACTIONS
    if finished == total:
        return RecommendationStatus.COMPLETED
    if finished + awaiting == total:
        return RecommendationStatus.AWAITING_SIGN_OFF
    if counts[ActionStatus.NOT_STARTED] == total:
        return RecommendationStatus.NOT_STARTED
    return RecommendationStatus.IN_PROGRESS


def recommendation_status_expression() -> Case:
    """The database form of "recommendation status", for a Recommendation queryset
    annotated by ``selectors.with_action_counts`` (n_actions, n_finished,
    n_finished_or_awaiting, n_not_started)."""
    return Case(
        When(embedded_at__isnull=False, then=Value(RecommendationStatus.EMBEDDED)),
        When(n_actions=0, then=Value(RecommendationStatus.NO_ACTIONS)),
        When(n_finished=F("n_actions"), then=Value(RecommendationStatus.COMPLETED)),
        When(
            n_finished_or_awaiting=F("n_actions"),
            then=Value(RecommendationStatus.AWAITING_SIGN_OFF),
        ),
        When(n_not_started=F("n_actions"), then=Value(RecommendationStatus.NOT_STARTED)),
        default=Value(RecommendationStatus.IN_PROGRESS),
        output_field=CharField(),
    )


def can_mark_embedded(*, evidence_count: int, already_embedded: bool) -> str | None:
    """Rule "embedded only with evidence": a recommendation can be marked embedded only
    when at least one piece of impact evidence is attached (a later audit's results on a
    linked aim, an indicator's change, or a signed-off re-audit). Returns why not, or None."""
    if already_embedded:
        return "This recommendation is already marked as embedded."
    if evidence_count == 0:
        return (
            "Add impact evidence first: a later audit's results on a linked aim, a change "
            "in an indicator, or a signed-off re-audit."
        )
    return None


def recommendation_rag_expression() -> Case:
    """The database form of "recommendation RAG", on ``with_action_counts``' annotations
    (n_red, n_amber, n_actions). Without actions it is empty."""
    return Case(
        When(n_red__gt=0, then=Value(RAG.RED)),
        When(n_amber__gt=0, then=Value(RAG.AMBER)),
        When(n_actions__gt=0, then=Value(RAG.GREEN)),
        default=Value(""),
        output_field=CharField(),
    )


def rag_of_recommendation(rags: Iterable[str]) -> RAG | None:
    """Rule "recommendation RAG": the worst RAG of its actions (none without actions)."""
    seen = set(rags)
    for rag in (RAG.RED, RAG.AMBER, RAG.GREEN):
        if rag in seen:
            return rag
    return None


def _has_action(condition: Q | None = None) -> Exists:
    """Whether the outer recommendation has an action (matching ``condition``)."""
    actions = Action.objects.filter(recommendation=OuterRef("pk"))
    return Exists(actions.filter(condition) if condition is not None else actions)


def recommendation_status_exists_expression() -> Case:
    """The database form of "recommendation status" as EXISTS tests on its actions, for
    filtering a list without counting every recommendation's actions: each test stops at
    the first matching action, and the list can still walk its index in order and stop
    after a page. Agrees with ``recommendation_status_expression`` (a property test)."""
    return Case(
        When(embedded_at__isnull=False, then=Value(RecommendationStatus.EMBEDDED)),
        When(~_has_action(), then=Value(RecommendationStatus.NO_ACTIONS)),
        When(
            ~_has_action(~Q(status__in=FINISHED_STATUSES)),
            then=Value(RecommendationStatus.COMPLETED),
        ),
        When(
            ~_has_action(~Q(status__in=[*FINISHED_STATUSES, ActionStatus.AWAITING_SIGN_OFF])),
            then=Value(RecommendationStatus.AWAITING_SIGN_OFF),
        ),
        When(
            ~_has_action(~Q(status=ActionStatus.NOT_STARTED)),
            then=Value(RecommendationStatus.NOT_STARTED),
        ),
        default=Value(RecommendationStatus.IN_PROGRESS),
        output_field=CharField(),
    )


def recommendation_status_q(status: str) -> Q:
    """Recommendations whose derived status is ``status``, as a direct condition: the
    branch of ``recommendation_status_exists_expression`` that gives it, with the tests
    earlier branches imply left out. Two or three EXISTS tests rather than a CASE of five,
    so filtering the register by status builds and runs less SQL. Agrees with the CASE
    form for every status (a test); an unknown status matches nothing."""
    unfinished = ~Q(status__in=FINISHED_STATUSES)
    not_done = ~Q(status__in=[*FINISHED_STATUSES, ActionStatus.AWAITING_SIGN_OFF])
    started = ~Q(status=ActionStatus.NOT_STARTED)
    live = Q(embedded_at__isnull=True)

    def has(condition: Q | None = None) -> Q:
        return Q(_has_action(condition))

    # Built only for the status asked: each EXISTS is a subquery to construct.
    conditions: dict[str, Callable[[], Q]] = {
        RecommendationStatus.EMBEDDED: lambda: Q(embedded_at__isnull=False),
        RecommendationStatus.NO_ACTIONS: lambda: live & ~has(),
        RecommendationStatus.COMPLETED: lambda: live & has() & ~has(unfinished),
        RecommendationStatus.AWAITING_SIGN_OFF: lambda: live & has(unfinished) & ~has(not_done),
        # Every action not started: none is finished or awaiting sign-off.
        RecommendationStatus.NOT_STARTED: lambda: live & has() & ~has(started),
        RecommendationStatus.IN_PROGRESS: lambda: live & has(not_done) & has(started),
    }
    build = conditions.get(status)
    return build() if build is not None else Q(pk__in=[])


def recommendation_rag_exists_expression(*, today: date) -> Case:
    """The database form of "recommendation RAG" as EXISTS tests (see
    ``recommendation_status_exists_expression``); agrees with
    ``recommendation_rag_expression``."""
    return Case(
        When(_has_action(rag_q(RAG.RED, today=today)), then=Value(RAG.RED)),
        When(_has_action(rag_q(RAG.AMBER, today=today)), then=Value(RAG.AMBER)),
        When(_has_action(), then=Value(RAG.GREEN)),
        default=Value(""),
        output_field=CharField(),
    )


def has_overdue_action_q(today: date) -> Q:
    """Recommendations with at least one overdue action (rule "overdue")."""
    return Q(_has_action(overdue_q(today)))
