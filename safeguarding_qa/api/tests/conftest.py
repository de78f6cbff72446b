from safeguarding_qa.indicators.tests.conftest import seeded  # noqa: F401  (shared fixture)
