"""What needs a person on their home page, from the register.

Owners and agency leads: their open actions that are overdue or due within 14 days.
Whoever signs off: actions completed and awaiting sign-off. Each kind lists its first
few and counts the rest in the same query: at most two queries.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.access.roles import Capability, Reach
from safeguarding_qa.core.home import NeedsMe, NeedsMeList, first_and_total

from . import rules
from .choices import OPEN_STATUSES, ActionStatus
from .policies import actions_policy

# Only what an item shows, as plain values: loading whole actions with their
# recommendations and organisations cost the home page more than everything else on it.
_ITEM_FIELDS = (
    "pk",
    "description",
    "due_on",
    "recommendation__reference",
    "organisation__name",
)


def register_needs_me(request: HttpRequest) -> NeedsMeList:
    access = access_of(request)
    items = NeedsMeList()
    if not access.is_authenticated or not access.can(Capability.REGISTER_VIEW):
        return items
    _due(items, access)
    if actions_policy.can(access, "sign_off"):
        _awaiting_sign_off(items, access)
    return items


def _due(needs: NeedsMeList, access: Access) -> None:
    today = timezone.localdate()
    mine = Q(owner_id=access.user_id)
    if access.reach == Reach.ORGANISATION and access.can(Capability.ACTIONS_UPDATE):
        mine |= Q(organisation_id=access.organisation_id)
    due, total = first_and_total(
        actions_policy.scope(access)
        .filter(mine, status__in=OPEN_STATUSES, due_on__lte=today + rules.REMINDER_WINDOW)
        .values(*_ITEM_FIELDS)
        .order_by("due_on", "pk")
    )
    items = [
        NeedsMe(
            title=(
                f"{action['recommendation__reference']}: action for {action['organisation__name']}"
            ),
            url=reverse("recommendations:action-detail", args=[action["pk"]]),
            detail=action["description"][:120],
            due=action["due_on"],
            tag="Overdue" if action["due_on"] < today else "Due soon",
            tag_class="govuk-tag--red" if action["due_on"] < today else "govuk-tag--orange",
        )
        for action in due
    ]
    needs.add(
        items,
        total=total,
        more_url=reverse("recommendations:action-list"),
        more_label="actions overdue or due within 14 days",
    )


def _awaiting_sign_off(needs: NeedsMeList, access: Access) -> None:
    waiting, total = first_and_total(
        actions_policy.scope(access)
        .filter(status=ActionStatus.AWAITING_SIGN_OFF)
        .values(*_ITEM_FIELDS)
        .order_by("due_on", "pk")
    )
    items = [
        NeedsMe(
            title=f"Sign off {action['recommendation__reference']}: {action['organisation__name']}",
            url=reverse("recommendations:action-sign-off", args=[action["pk"]]),
            detail=action["description"][:120],
            due=action["due_on"],
            tag="Awaiting sign-off",
            tag_class="govuk-tag--yellow",
        )
        for action in waiting
    ]
    query = urlencode({"status": ActionStatus.AWAITING_SIGN_OFF})
    needs.add(
        items,
        total=total,
        more_url=f"{reverse('recommendations:action-list')}?{query}",
        more_label="actions awaiting sign-off",
    )
