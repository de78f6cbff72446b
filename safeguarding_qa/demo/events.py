"""Audit event kinds for the demo partnership."""

from safeguarding_qa.audittrail.registry import define

DEMO_SEEDED = define("demo.seeded", "Demo partnership loaded")
DEMO_SCALED = define("demo.scaled", "Demo history copied for benchmarking")
