"""Audit event kinds for meetings."""

from safeguarding_qa.audittrail.registry import define

MEETING_CREATED = define("meeting.created", "Meeting arranged")
MEETING_CHANGED = define("meeting.changed", "Meeting changed")
MEETING_MINUTES_CHANGED = define("meeting.minutes_changed", "Meeting minutes recorded")
AGENDA_ITEM_ADDED = define("meeting.agenda_item_added", "Agenda item added")
AGENDA_ITEM_REMOVED = define("meeting.agenda_item_removed", "Agenda item removed")
AGENDA_ITEM_MOVED = define("meeting.agenda_item_moved", "Agenda item moved")
PAPER_ADDED = define("meeting.paper_added", "Meeting paper added")
PAPER_REMOVED = define("meeting.paper_removed", "Meeting paper removed")
PAPER_DOWNLOADED = define("meeting.paper_downloaded", "Meeting paper downloaded")
ATTENDANCE_RECORDED = define("meeting.attendance_recorded", "Meeting attendance recorded")
DECISION_RECORDED = define("meeting.decision_recorded", "Meeting decision recorded")
