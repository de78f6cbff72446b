"""The machine-to-machine API (django-ninja, OpenAPI 3 at /api/docs)."""
