"""Demo data for self-assessment, built idempotently.

Last year's Section 11 round is complete, moderated and closed; this year's is open, past
its due date, with two returns on time, one late, one still in progress (late) and one
challenge waiting for the police's response. Every answer is synthetic.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.demo.context import DemoContext

from . import rules
from .choices import ModerationStatus, ReturnStatus
from .models import Framework, Round, SelfAssessment, Standard, StandardReturn
from .seeds import SECTION_11_CODE, ensure_frameworks
from .services.register import planned_actions_to_register
from .services.rounds import round_close, round_create

PARTICIPANTS = ("council", "police", "icb", "hospital", "housing")
_EVIDENCE = {
    "green": "{org} audited {n} records against this standard in {month}; {k} of {n} fully met "
    "it. The board report of {month} confirms the arrangements.",
    "amber": "{org} has the arrangements in place, but its {month} audit found only {k} of {n} "
    "records met the standard consistently.",
    "red": "{org}'s {month} audit found {k} of {n} records met the standard; the policy is "
    "overdue for review.",
}
_ACTIONS = {
    "green": "",
    "amber": "Re-audit a further sample by the end of the next quarter; brief team managers.",
    "red": "Rewrite the policy, train every team lead within three months, re-audit after.",
}


def _fy(today: date) -> int:
    return today.year if today.month >= 4 else today.year - 1


def _aware(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 11, 30, tzinfo=timezone.get_current_timezone())


def _fill(sa: SelfAssessment, rng: random.Random, weights: tuple[int, int, int]) -> None:
    month = sa.round.due_on.strftime("%B")
    for answer in sa.answers.select_related("standard"):
        rating = rng.choices(("red", "amber", "green"), weights=weights)[0]
        n = rng.choice((10, 12, 15, 20))
        k = {"green": n - rng.randint(0, 1), "amber": n * 2 // 3, "red": n // 3}[rating]
        answer.self_rating = rating
        answer.evidence = _EVIDENCE[rating].format(
            org=sa.organisation.short_name or sa.organisation, n=n, k=k, month=month
        )
        answer.planned_actions = _ACTIONS[rating]
        answer.carried_forward = False
        answer.save()


def _submit(sa: SelfAssessment, on: date, by: object) -> None:
    sa.status = ReturnStatus.SUBMITTED
    sa.submitted_at = _aware(on)
    sa.submitted_by = by  # type: ignore[assignment]
    sa.save()


def _moderate_all(sa: SelfAssessment, moderator: object, on: date) -> None:
    sa.answers.update(
        moderation_status=ModerationStatus.AGREED, moderated_by=moderator, moderated_at=_aware(on)
    )


def _returns(round_: Round) -> dict[str, SelfAssessment]:
    return {
        sa.organisation.short_name: sa
        for sa in round_.self_assessments.select_related("organisation", "round")
    }


def _last_year(context: DemoContext, framework: Framework, year: int) -> Round:
    admin = Access.for_user(context.cast["admin"])
    orgs = [context.organisations[key] for key in PARTICIPANTS]
    round_ = round_create(
        access=admin,
        framework=framework,
        year=year,
        opens_on=date(year, 7, 1),
        due_on=date(year, 9, 30),
        organisations=orgs,
        carry_forward=False,
    )
    rng = random.Random(year)  # noqa: S311  (demo text, not security)
    chair = context.cast["chair"]
    for sa in _returns(round_).values():
        _fill(sa, rng, (2, 5, 4))
        _submit(sa, date(year, 9, rng.randint(10, 29)), context.cast["admin"])
        _moderate_all(sa, chair, date(year, 10, 20))
    # The subgroup did not accept one green rating: it agreed amber on the evidence.
    answer = StandardReturn.objects.filter(
        self_assessment__round=round_,
        self_assessment__organisation=context.organisations["hospital"],
        self_rating="green",
    ).first()
    if answer is not None:
        answer.moderated_rating = "amber"
        answer.moderation_note = "Training figures cover only two of five wards."
        answer.save()
    round_close(access=admin, round_=round_)
    return round_


def _this_year(context: DemoContext, framework: Framework, year: int, today: date) -> Round:
    admin = Access.for_user(context.cast["admin"])
    due = today - timedelta(days=8)
    round_ = round_create(
        access=admin,
        framework=framework,
        year=year,
        opens_on=due - timedelta(days=70),
        due_on=due,
        organisations=[context.organisations[key] for key in PARTICIPANTS],
        carry_forward=True,
    )
    rng = random.Random(year)  # noqa: S311  (demo text, not security)
    by_org = {key: _returns(round_)[context.organisations[key].short_name] for key in PARTICIPANTS}
    cast = context.cast
    # Council and police returned on time; the ICB returned late.
    _fill(by_org["council"], rng, (1, 4, 6))
    _submit(by_org["council"], due - timedelta(days=3), cast["lead_council"])
    _fill(by_org["police"], rng, (1, 5, 4))
    _submit(by_org["police"], due - timedelta(days=1), cast["lead_police"])
    _fill(by_org["icb"], rng, (1, 3, 5))
    _submit(by_org["icb"], due + timedelta(days=4), cast["admin_icb"])
    _moderate_all(by_org["council"], cast["chair"], today - timedelta(days=2))
    challenged = by_org["police"].answers.filter(self_rating="green").first()
    if challenged is None:
        challenged = by_org["police"].answers.first()
    if challenged is not None:
        challenged.moderation_status = ModerationStatus.CHALLENGED
        challenged.moderation_note = (
            "The evidence describes the policy but not how it is used. What did your dip "
            "sample of referrals show?"
        )
        challenged.moderated_by = cast["chair"]
        challenged.moderated_at = _aware(today - timedelta(days=2))
        challenged.save()
    # The hospital has started from last year's answers (carried forward) and is late;
    # housing has not started.
    return round_


def build(context: DemoContext) -> None:
    """Adds this area's demo records; running it twice changes nothing."""
    ensure_frameworks(Framework, Standard)
    framework = Framework.objects.get(code=SECTION_11_CODE)
    today = timezone.localdate()
    year = _fy(today)
    last = Round.objects.filter(framework=framework, year=year - 1).first()
    if last is None:
        last = _last_year(context, framework, year - 1)
    current = Round.objects.filter(framework=framework, year=year).first()
    if current is None:
        current = _this_year(context, framework, year, today)
    context.made["self_assessment_rounds"] = [last, current]
    _to_register(context, current, today)


def _to_register(context: DemoContext, round_: Round, today: date) -> None:
    """The chair has put the council's planned actions on its red and amber standards into
    the recommendations register (once: answers already linked are skipped)."""
    access = Access.for_user(context.cast["chair"])
    answers = StandardReturn.objects.filter(
        self_assessment__round=round_,
        self_assessment__organisation=context.organisations["council"],
        self_rating__in=["red", "amber"],
    ).select_related("self_assessment", "self_assessment__round", "standard")
    for answer in answers[:2]:
        if rules.can_go_to_register(answer):
            planned_actions_to_register(
                access=access,
                answer=answer,
                description=answer.planned_actions,
                due_on=today + timedelta(days=150),
            )
