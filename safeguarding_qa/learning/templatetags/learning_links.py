"""Links to draft a briefing from another app's page (an audit, a practice review),
shown only to those who draft briefings.

``{% load learning_links %}{% briefing_draft_link audit %}``: the decision stays in the
learning policy, not in the other app's view.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Model
from django.urls import reverse
from django.utils.html import format_html

from safeguarding_qa.audits.models import Audit
from safeguarding_qa.audits.policies import audits as audit_policy
from safeguarding_qa.reviews.models import PracticeReview

from ..policies import briefings as briefing_policy

register = template.Library()


def _draft_url(access: Any, source: Model) -> str:
    if isinstance(source, Audit) and audit_policy.can(access, "collation", source):
        return reverse("learning:briefing-from-audit", args=[source.pk])
    if isinstance(source, PracticeReview):
        return reverse("learning:briefing-from-review", args=[source.pk])
    return ""


@register.simple_tag(takes_context=True)
def briefing_draft_link(context: dict[str, Any], source: Model) -> str:
    """A button to draft a 7-minute briefing from ``source``; nothing for others."""
    access = getattr(context.get("request"), "access", None)
    if access is None or not briefing_policy.can(access, "manage"):
        return ""
    url = _draft_url(access, source)
    if not url:
        return ""
    return format_html(
        '<a class="govuk-button govuk-button--secondary" data-module="govuk-button" '
        'href="{}">Draft a learning briefing</a>',
        url,
    )
