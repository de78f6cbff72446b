"""The partnership's name for the header of every page."""

from __future__ import annotations

from django.http import HttpRequest

from .selectors import partnership_name


def partnership(request: HttpRequest) -> dict[str, object]:
    return {"partnership_name": partnership_name()}
