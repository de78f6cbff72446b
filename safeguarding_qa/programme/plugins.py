"""Theme suggestions for the work programme, from any app, without importing it.

Apps register a provider: given the programme being planned, it returns themes worth
auditing and why (an indicator in exception on the dashboard, open practice-review
recommendations...). This app provides one itself: common safeguarding themes not audited
in the last three years. Providers run a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import WorkProgramme


@dataclass(frozen=True)
class ThemeSuggestion:
    theme: str
    reason: str
    source: str = ""


ThemeProvider = Callable[["WorkProgramme"], list[ThemeSuggestion]]
_theme_providers: dict[str, ThemeProvider] = {}


def register_theme_provider(name: str, provider: ThemeProvider) -> None:
    """Add a source of theme suggestions; names must be unique."""
    if name in _theme_providers:
        raise ValueError(f"A theme provider named {name!r} already exists.")
    _theme_providers[name] = provider


def theme_suggestions(programme: WorkProgramme) -> list[ThemeSuggestion]:
    """Every provider's suggestions, leaving out themes the programme already holds."""
    planned = {theme.strip().lower() for theme in programme.items.values_list("theme", flat=True)}
    suggestions: list[ThemeSuggestion] = []
    seen: set[str] = set()
    for provider in _theme_providers.values():
        for suggestion in provider(programme):
            key = suggestion.theme.strip().lower()
            if key in planned or key in seen:
                continue
            seen.add(key)
            suggestions.append(suggestion)
    return suggestions
