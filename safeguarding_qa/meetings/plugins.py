"""How other apps plug into meetings, without this app importing them.

* Agenda suggestions: an app registers a provider that, given a meeting, returns the items
  it suggests for the agenda (the quarter's dashboard, audits at panel stage, overdue
  actions, open challenges, self-assessment rounds, planned programme items...).
* Action maker: the recommendations register registers one function that turns a decision
  needing an action into an action in the register; the decision keeps a generic link to it.

Providers run a fixed number of queries, whatever the amount of data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Model

if TYPE_CHECKING:
    from safeguarding_qa.access.context import Access

    from .models import Decision, Meeting


@dataclass(frozen=True)
class AgendaSuggestion:
    """One item suggested for a meeting's agenda.

    ``key`` is stable and unique across providers (``"programme:item:12"``), so a suggestion
    already on the agenda is not offered again. ``target`` optionally links the agenda item
    to the object it is about.
    """

    key: str
    title: str
    description: str = ""
    source: str = ""
    target: Model | None = None


AgendaProvider = Callable[["Meeting"], list[AgendaSuggestion]]
ActionMaker = Callable[..., Model]

_agenda_providers: dict[str, AgendaProvider] = {}
_action_makers: dict[str, ActionMaker] = {}


def register_agenda_provider(name: str, provider: AgendaProvider) -> None:
    """Add a source of agenda suggestions; names must be unique."""
    if name in _agenda_providers:
        raise ValueError(f"An agenda provider named {name!r} already exists.")
    _agenda_providers[name] = provider


def agenda_suggestions(meeting: Meeting) -> list[AgendaSuggestion]:
    """Every provider's suggestions for the meeting, in the order providers registered."""
    suggestions: list[AgendaSuggestion] = []
    seen: set[str] = set()
    for provider in _agenda_providers.values():
        for suggestion in provider(meeting):
            if suggestion.key not in seen:
                seen.add(suggestion.key)
                suggestions.append(suggestion)
    return suggestions


def register_action_maker(name: str, maker: ActionMaker) -> None:
    """Register the function that creates an action in the register from a decision.

    It is called inside the decision's transaction as
    ``maker(access=..., decision=..., organisation=..., due=..., description=...)`` and
    returns the action it created. Only one maker may be registered.
    """
    if _action_makers and name not in _action_makers:
        raise ValueError("An action maker is already registered.")
    _action_makers[name] = maker


def action_maker() -> ActionMaker | None:
    return next(iter(_action_makers.values()), None)


def make_action(*, access: Access, decision: Decision) -> Any:
    """Create the decision's action through the registered maker, or None when none is."""
    maker = action_maker()
    if maker is None:
        return None
    return maker(
        access=access,
        decision=decision,
        organisation=decision.action_organisation,
        due=decision.action_due,
        description=decision.text,
    )
