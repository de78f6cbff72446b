"""Links into the reports from other apps' pages, shown only to those who may follow them.

Other apps' templates use ``{% load reports_links %}{% audit_report_link audit %}``: the
decision stays in the reports policy, not in their views.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html

from safeguarding_qa.audits.models import Audit

from ..policies import audit_report_allowed

register = template.Library()


@register.simple_tag(takes_context=True)
def audit_report_link(context: dict[str, Any], audit: Audit) -> str:
    """A button to the audit's report, for people who may read it; nothing otherwise."""
    request = context.get("request")
    access = getattr(request, "access", None)
    if access is None or not audit_report_allowed(access, audit):
        return ""
    return format_html(
        '<a class="govuk-button govuk-button--secondary" data-module="govuk-button" '
        'href="{}">Audit report</a>',
        reverse("reports:audit-report", args=[audit.pk]),
    )
