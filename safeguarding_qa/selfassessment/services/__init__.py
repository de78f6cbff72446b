"""Writes for self-assessment: rounds (rounds.py) and returns with moderation (returns.py)."""
