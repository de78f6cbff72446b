"""Learning briefings (7-minute form) and dissemination tracking."""
