"""The audits' entries in "what needs me": returns to complete, live concerns to
acknowledge, audits waiting for the panel. A fixed number of queries: each kind lists its
first few and counts the rest (``core.home.NeedsMeList``)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.home import NeedsMe, NeedsMeList, first_and_total

from . import rules, selectors
from .choices import AuditStatus, ReturnStatus
from .models import LiveConcern
from .policies import audits as audit_policy
from .policies import live_concerns as concern_policy


def needs_me(request: HttpRequest) -> NeedsMeList:
    access = access_of(request)
    items = NeedsMeList()
    if not access.is_authenticated:
        return items
    _returns(items, access)
    if concern_policy.can(access, "acknowledge"):
        _live_concerns(items)
    if audit_policy.can(access, "panel"):
        _panels(items, access)
    return items


def _audit_list(status: str) -> str:
    return f"{reverse('audits:audit-list')}?{urlencode({'status': status})}"


def _returns(needs: NeedsMeList, access: Access) -> None:
    today = timezone.localdate()
    # Only the columns the item shows, as dictionaries: loading and compiling whole rows
    # (and their case and audit) was most of the home page's time.
    waiting, total = first_and_total(
        selectors.returns_waiting(access=access).values(
            "pk", "status", "case__reference", "case__audit__title", "case__audit__returns_due"
        )
    )
    items = []
    for item in waiting:
        returns_due = item["case__audit__returns_due"]
        status = item["status"]
        late = rules.is_late(returns_due=returns_due, status=status, today=today)
        items.append(
            NeedsMe(
                title=f"Complete the return on {item['case__reference']}",
                url=reverse("audits:return-edit", args=[item["pk"]]),
                detail=item["case__audit__title"],
                due=returns_due,
                tag="Late" if late else str(ReturnStatus(status).label),
                tag_class="govuk-tag--red" if late else "govuk-tag--yellow",
            )
        )
    needs.add(
        items,
        total=total,
        more_url=_audit_list(AuditStatus.RETURNS_OPEN),
        more_label="returns to complete, in audits open for returns",
    )


def _live_concerns(needs: NeedsMeList) -> None:
    today = timezone.localdate()
    waiting, total = first_and_total(
        LiveConcern.objects.filter(acknowledged_at__isnull=True)
        .values("pk", "case__reference", "case__audit__title")
        .order_by("created_at", "pk")
    )
    items = [
        NeedsMe(
            title=f"Acknowledge the live concern on {concern['case__reference']}",
            url=reverse("audits:live-concern-acknowledge", args=[concern["pk"]]),
            detail=concern["case__audit__title"],
            due=today,
            tag="Live concern",
            tag_class="govuk-tag--red",
        )
        for concern in waiting
    ]
    needs.add(
        items,
        total=total,
        more_url=reverse("audits:audit-list"),
        more_label="live concerns to acknowledge",
    )


def _panels(needs: NeedsMeList, access: Access) -> None:
    waiting, total = first_and_total(
        audit_policy.scope(access)
        .filter(status=AuditStatus.PANEL)
        .values("pk", "title", "panel_date")
        .order_by("panel_date", "pk")
    )
    items = [
        NeedsMe(
            title=f"Agree panel grades for {audit['title']}",
            url=reverse("audits:audit-collation", args=[audit["pk"]]),
            due=audit["panel_date"],
            tag="Panel",
            tag_class="govuk-tag--purple",
        )
        for audit in waiting
    ]
    needs.add(
        items,
        total=total,
        more_url=_audit_list(AuditStatus.PANEL),
        more_label="audits waiting for panel grades",
    )
