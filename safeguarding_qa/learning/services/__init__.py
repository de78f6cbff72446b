"""Writes for learning briefings and dissemination."""
