"""Reads for reports."""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access

from .models import GeneratedDocument
from .policies import documents as document_policy


def document_list(*, access: Access) -> QuerySet[GeneratedDocument]:
    """The reports this person may see, newest first."""
    return document_policy.scope(access).order_by("-created_at", "-pk")
