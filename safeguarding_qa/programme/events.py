"""Audit event kinds for the work programme."""

from safeguarding_qa.audittrail.registry import define

PROGRAMME_CREATED = define("programme.created", "Work programme started")
PROGRAMME_COPIED_FORWARD = define("programme.copied_forward", "Work programme copied forward")
PROGRAMME_ITEM_ADDED = define("programme.item_added", "Work programme item added")
PROGRAMME_ITEM_CHANGED = define("programme.item_changed", "Work programme item changed")
PROGRAMME_ITEM_REMOVED = define("programme.item_removed", "Work programme item removed")
PROGRAMME_ITEM_LINKED = define("programme.item_linked", "Work programme item linked")
