"""The audits' entries in "what needs me": returns to complete, live concerns to
acknowledge, audits waiting for the panel. A fixed number of queries."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.home import NeedsMe

from . import rules, selectors
from .choices import AuditStatus
from .models import LiveConcern
from .policies import audits as audit_policy
from .policies import live_concerns as concern_policy


def needs_me(request: HttpRequest) -> list[NeedsMe]:
    access = access_of(request)
    if not access.is_authenticated:
        return []
    today = timezone.localdate()
    items = []
    for item in selectors.returns_waiting(access=access):
        audit = item.case.audit
        late = rules.is_late(returns_due=audit.returns_due, status=item.status, today=today)
        items.append(
            NeedsMe(
                title=f"Complete the return on {item.case.reference}",
                url=reverse("audits:return-edit", args=[item.pk]),
                detail=audit.title,
                due=audit.returns_due,
                tag="Late" if late else item.get_status_display(),
                tag_class="govuk-tag--red" if late else "govuk-tag--yellow",
            )
        )
    if concern_policy.can(access, "acknowledge"):
        for concern in LiveConcern.objects.filter(acknowledged_at__isnull=True).select_related(
            "case__audit"
        )[:20]:
            items.append(
                NeedsMe(
                    title=f"Acknowledge the live concern on {concern.case.reference}",
                    url=reverse("audits:live-concern-acknowledge", args=[concern.pk]),
                    detail=concern.case.audit.title,
                    due=today,
                    tag="Live concern",
                    tag_class="govuk-tag--red",
                )
            )
    if audit_policy.can(access, "panel"):
        for audit in audit_policy.scope(access).filter(status=AuditStatus.PANEL)[:20]:
            items.append(
                NeedsMe(
                    title=f"Agree panel grades for {audit.title}",
                    url=reverse("audits:audit-collation", args=[audit.pk]),
                    due=audit.panel_date,
                    tag="Panel",
                    tag_class="govuk-tag--purple",
                )
            )
    return items
