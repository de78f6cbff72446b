"""Annex A and CIN census imports, computed indicators, cohorts and samples."""
