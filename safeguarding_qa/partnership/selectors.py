"""Reads for the partnership app."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from .models import Partnership

_NAME_CACHE_KEY = "partnership:name"


def partnership_get() -> Partnership | None:
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
