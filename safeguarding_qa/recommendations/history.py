"""An item's full history: every recorded version of a recommendation, its actions (those
the reader may see), their progress updates and its impact evidence, newest first.

Built from simple-history's records in four queries, whatever the length of the history;
each entry lists the fields that changed from the version before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from safeguarding_qa.access.context import Access

from .models import Action, ImpactEvidence, ProgressUpdate, Recommendation
from .policies import actions_policy

_KINDS = {"+": "Added", "~": "Changed", "-": "Deleted"}
_SKIP = {
    "id",
    "created_at",
    "updated_at",
    "history_id",
    "history_date",
    "history_type",
    "history_user",
    "history_change_reason",
    "history_relation",
}


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    what: str
    change: str
    fields: list[tuple[str, str, str]]  # (label, before, after)


def _label(model: Any, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # noqa: BLE001  (history-only fields have no label)
        return name.replace("_", " ").capitalize()


def _display(record: Any, model: Any, name: str) -> str:
    value = getattr(record, name, None)
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001
        field = None
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value or ""))
    if value is None or value == "":
        return ""
    return str(value)


def _entries(records: list[Any], model: Any, what: Any) -> list[HistoryEntry]:
    """Entries for one model's records, each compared with the same object's previous one."""
    fields = [f.attname for f in model._meta.concrete_fields if f.attname not in _SKIP]
    names = [name.removesuffix("_id") if name.endswith("_id") else name for name in fields]
    previous: dict[int, Any] = {}
    result = []
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        before = previous.get(record.id)
        changed = []
        for attname, name in zip(fields, names, strict=True):
            new = _display(record, model, attname)
            old = _display(before, model, attname) if before is not None else ""
            if before is None and not new:
                continue
            if old != new:
                changed.append((_label(model, name), old, new))
        previous[record.id] = record
        user = record.history_user
        result.append(
            HistoryEntry(
                when=record.history_date,
                who=user.display_name if user else "The system",
                what=what(record),
                change=_KINDS.get(record.history_type, "Changed"),
                fields=changed,
            )
        )
    return result


def recommendation_history(*, access: Access, recommendation: Recommendation) -> list[HistoryEntry]:
    """The recommendation's whole recorded history, newest first (four queries)."""
    visible = actions_policy.scope(access).filter(recommendation=recommendation)
    action_ids = set(visible.values_list("pk", flat=True))
    recs = list(recommendation.history.select_related("history_user"))
    actions = (
        list(Action.history.filter(id__in=action_ids).select_related("history_user"))
        if action_ids
        else []
    )
    updates = (
        list(ProgressUpdate.history.filter(action_id__in=action_ids).select_related("history_user"))
        if action_ids
        else []
    )
    evidence = list(
        ImpactEvidence.history.filter(recommendation_id=recommendation.pk).select_related(
            "history_user"
        )
    )
    entries = (
        _entries(recs, Recommendation, lambda r: "Recommendation")
        + _entries(actions, Action, lambda r: f"Action {r.id}")
        + _entries(updates, ProgressUpdate, lambda r: f"Progress update on action {r.action_id}")
        + _entries(evidence, ImpactEvidence, lambda r: "Impact evidence")
    )
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
