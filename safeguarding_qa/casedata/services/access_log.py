"""Recording views and exports of record-level data (Caldicott: who saw what)."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event

from .. import events


@transaction.atomic
def records_viewed(*, access: Access, target: models.Model, what: str, **data: Any) -> None:
    """Record that ``access.user`` saw record-level data (a cohort or a sample)."""
    record_event(
        kind=events.RECORDS_VIEWED, actor=access.user, target=target, data={"what": what, **data}
    )


@transaction.atomic
def sample_exported(*, access: Access, target: models.Model) -> None:
    record_event(kind=events.SAMPLE_EXPORTED, actor=access.user, target=target)
