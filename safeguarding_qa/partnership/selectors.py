"""Reads for the partnership app. Each runs a fixed number of queries, whatever the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, registered_policies

from .choices import GroupRole
from .models import Group, Membership, MembershipReview, Organisation, Partnership
from .policies import groups as group_policy
from .policies import organisations as organisation_policy

_NAME_CACHE_KEY = "partnership:name"

# Chair first, business support last: the order a membership list is read in.
_ROLE_ORDER = Case(
    *[When(role=role, then=Value(position)) for position, role in enumerate(GroupRole.values)],
    output_field=IntegerField(),
)


def partnership_get() -> Partnership | None:
    """The partnership row, or None before it is first saved."""
    return Partnership.objects.filter(pk=1).first()


def partnership_name() -> str:
    """The name shown in every page's header; cached, as every page asks for it."""
    name = cache.get(_NAME_CACHE_KEY)
    if name is None:
        partnership = partnership_get()
        name = partnership.name if partnership else settings.PARTNERSHIP_NAME
        cache.set(_NAME_CACHE_KEY, name, 300)
    return str(name)


def partnership_name_forget() -> None:
    cache.delete(_NAME_CACHE_KEY)


def _person_policy() -> Policy[Any]:
    """The accounts app's policy for people, found through the registry so this app need
    not import the accounts app (which depends on this one)."""
    return registered_policies()[get_user_model()._meta.label]


def organisation_list(
    *, access: Access, sector: str = "", active: bool | None = None
) -> QuerySet[Organisation]:
    """Organisations this person may see, each with its number of active people."""
    organisations = organisation_policy.scope(access)
    if sector:
        organisations = organisations.filter(sector=sector)
    if active is not None:
        organisations = organisations.filter(is_active=active)
    return organisations.annotate(
        active_people=Count("people", filter=Q(people__is_active=True))
    ).order_by("name")


@dataclass(frozen=True)
class OrganisationPeople:
    active: int
    total: int


def organisation_people(*, organisation: Organisation) -> OrganisationPeople:
    """How many people belong to the organisation, and how many of them are active."""
    counts = (
        get_user_model()
        .objects.filter(organisation=organisation)
        .aggregate(total=Count("pk"), active=Count("pk", filter=Q(is_active=True)))
    )
    return OrganisationPeople(active=counts["active"], total=counts["total"])


def organisation_groups(*, organisation: Organisation) -> list[dict[str, Any]]:
    """The groups the organisation's people currently sit on, with how many of them."""
    rows = (
        Membership.objects.current()
        .filter(person__organisation=organisation)
        .values("group_id", "group__name")
        .annotate(people=Count("pk"))
        .order_by("group__name")
    )
    return [dict(row) for row in rows]


def can_view_people(access: Access) -> bool:
    """Whether this person may open the people list (to link to it)."""
    return _person_policy().can(access, "view")


def group_list(*, access: Access) -> QuerySet[Group]:
    """Groups this person may see, each with its number of current members."""
    return (
        group_policy.scope(access)
        .annotate(current_members=Count("memberships", filter=_current_q("memberships__")))
        .order_by("-is_active", "name")
    )


def _current_q(prefix: str, on: date | None = None) -> Q:
    on = on or timezone.localdate()
    return Q(**{f"{prefix}started_on__lte": on}) & (
        Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gte": on})
    )


def group_members(*, group: Group) -> QuerySet[Membership]:
    """The group's current and upcoming memberships (not yet past their end), chair first."""
    today = timezone.localdate()
    return (
        Membership.objects.filter(group=group)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
        .select_related("person__organisation")
        .annotate(role_order=_ROLE_ORDER)
        .order_by("role_order", "person__full_name", "pk")
    )


def group_history(*, group: Group) -> QuerySet[Membership]:
    """Every membership the group has ever had, current and ended, newest first.

    This is the evidence that the group's membership has been reviewed: who joined and
    left, when, and the reason recorded when each membership ended.
    """
    return (
        Membership.objects.filter(group=group)
        .select_related("person__organisation")
        .order_by("-started_on", "person__full_name", "pk")
    )


def membership_person_choices(*, access: Access, group: Group) -> QuerySet[Any]:
    """The active people this person may add to the group: not those already in it."""
    open_members = Membership.objects.filter(group=group, ended_on__isnull=True)
    return (
        _person_policy()
        .scope(access)
        .filter(is_active=True)
        .exclude(pk__in=open_members.values("person_id"))
        .select_related("organisation")
        .order_by("full_name", "pk")
    )


def group_reviews(*, group: Group) -> QuerySet[MembershipReview]:
    """The group's membership reviews, latest first, with who recorded them."""
    return (
        MembershipReview.objects.filter(group=group)
        .select_related("recorded_by")
        .order_by("-reviewed_on", "-pk")
    )
