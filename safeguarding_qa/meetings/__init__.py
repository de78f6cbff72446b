"""Meetings: agenda, papers, attendance, minutes, decisions."""
