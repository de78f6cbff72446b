"""Audit, dashboard and annual reports as PDF and Word."""
