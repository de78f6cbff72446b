"""An iCalendar (RFC 5545) entry for a meeting, written by hand: one event, no library."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from .choices import MeetingStatus
from .models import Meeting


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > 74:
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_ics(meeting: Meeting, *, host: str) -> str:
    """The calendar file for one meeting (UTC times, so no time-zone block is needed)."""
    ends = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
    where = ", ".join(part for part in (meeting.location, meeting.online_link) if part)
    description = f"{meeting.group.name}."
    if meeting.online_link:
        description += f" Join online: {meeting.online_link}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Safeguarding QA//Meetings//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{host.split(':')[0] or 'safeguarding-qa'}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(meeting.starts_at)}",
        f"DTEND:{_utc(ends)}",
        f"SUMMARY:{_escape(meeting.title)}",
        f"DESCRIPTION:{_escape(description)}",
    ]
    if where:
        lines.append(f"LOCATION:{_escape(where)}")
    if meeting.online_link:
        lines.append(f"URL:{meeting.online_link}")
    if meeting.status == MeetingStatus.CANCELLED:
        lines.append("STATUS:CANCELLED")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
