"""Demo data for reports, built idempotently."""

from __future__ import annotations

from safeguarding_qa.demo.context import DemoContext


def build(context: DemoContext) -> None:
    """Adds this area's demo records; running it twice changes nothing."""
