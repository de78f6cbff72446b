""" "What needs me" entries: incident deadlines for the review group, information requests
for agencies. A fixed number of queries whatever the number of incidents: each kind lists
its first few and counts the rest."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.choices import RAG
from safeguarding_qa.core.home import NeedsMe, NeedsMeList, first_and_total

from . import rules
from .choices import RapidReviewDecision
from .policies import incidents as incident_policy
from .policies import information_requests as request_policy

_OVERDUE = ("Overdue", RAG.RED.tag_class)
# The incident fields ``rules.next_deadline`` reads, and the reference shown.
_DEADLINE_FIELDS = (
    "pk",
    "reference",
    "aware_on",
    "notified_on",
    "sent_to_panel_on",
    "decision",
    "decided_on",
    "practice_review__published_on",
)


def reviews_needs_me(request: HttpRequest) -> NeedsMeList:
    access = access_of(request)
    items = NeedsMeList()
    if not access.is_authenticated:
        return items
    if incident_policy.can(access, "manage"):
        _incident_deadlines(items, access)
    if request_policy.can(access, "submit") and access.organisation_id is not None:
        _information_requests(items, access, access.organisation_id)
    return items


def _incident_deadlines(needs: NeedsMeList, access: Access) -> None:
    today = timezone.localdate()
    # Only incidents with a deadline still open (the negation of ``next_deadline``'s
    # "all met"), earliest first and bounded, so the home page does not grow with
    # years of closed incidents.
    still_open = (
        Q(notified_on__isnull=True)
        | Q(sent_to_panel_on__isnull=True)
        | (
            Q(decision=RapidReviewDecision.LCSPR, decided_on__isnull=False)
            & (Q(practice_review__isnull=True) | Q(practice_review__published_on__isnull=True))
        )
    )
    open_incidents, total = first_and_total(
        incident_policy.scope(access)
        .filter(still_open)
        # Only what the deadlines are worked out from: the scope's wider joins (who
        # notified) are not shown here, and loading them was most of this query's cost.
        .select_related(None)
        .select_related("practice_review")
        .only(*_DEADLINE_FIELDS)
        .order_by("aware_on", "pk")
    )
    items = []
    for incident in open_incidents:
        deadline = rules.next_deadline(incident)
        if deadline is None:
            continue
        rag = deadline.rag(today)
        items.append(
            NeedsMe(
                title=f"{deadline.label}: {incident.reference}",
                url=reverse("reviews:incident-detail", args=[incident.pk]),
                detail="Serious incident deadline",
                due=deadline.due_on,
                tag=rag.label if rag else "",
                tag_class=rag.tag_class if rag else "",
            )
        )
    needs.add(
        items,
        total=total,
        more_url=reverse("reviews:incident-list"),
        more_label="serious incidents with a deadline to meet",
    )


def _information_requests(needs: NeedsMeList, access: Access, organisation_id: int) -> None:
    today = timezone.localdate()
    pending, total = first_and_total(
        request_policy.scope(access)
        .filter(organisation_id=organisation_id, submitted_at__isnull=True)
        .values("pk", "due_on", "incident__reference")
        .order_by("due_on", "pk")
    )
    items = []
    for info in pending:
        late = today > info["due_on"]
        items.append(
            NeedsMe(
                title=f"Return your agency's information for {info['incident__reference']}",
                url=reverse("reviews:return-detail", args=[info["pk"]]),
                detail="Rapid review information request",
                due=info["due_on"],
                tag=_OVERDUE[0] if late else "To do",
                tag_class=_OVERDUE[1] if late else "govuk-tag--blue",
            )
        )
    needs.add(
        items,
        total=total,
        more_url=reverse("reviews:return-list"),
        more_label="information requests to return",
    )
