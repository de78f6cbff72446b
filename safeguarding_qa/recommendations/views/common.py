"""Choices the register's forms offer, scoped as the house rules ask."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.partnership.models import Organisation


def organisation_choices(access: Access, *, own_only: bool = False) -> QuerySet[Organisation]:
    """Active organisations; only the person's own when their reach is their organisation."""
    organisations = Organisation.objects.filter(is_active=True).order_by("name")
    if own_only:
        return organisations.filter(pk=access.organisation_id or 0)
    return organisations


def people_choices() -> QuerySet[Any]:
    """Active people in an organisation, who may own an action."""
    return (
        get_user_model()
        .objects.filter(is_active=True, organisation__isnull=False)
        .select_related("organisation")
        .order_by("full_name", "pk")
    )
