"""The pages ``make bench`` times: the floor page and each role's main pages.

Each URL is worked out when the benchmark runs, from the data at that scale, always by a
name the demo gives (an audit's title, an indicator's code, an organisation's name), so the
same logical page is compared at 1× and 100×: the copies ``seed_demo --scale`` makes carry
other titles and codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse


@dataclass(frozen=True)
class Page:
    name: str
    persona: str
    url: Callable[[], str]


def _named(url_name: str, **query: str) -> Callable[[], str]:
    def url() -> str:
        return reverse(url_name) + (f"?{urlencode(query)}" if query else "")

    return url


# The demo audit with panel grades and agreed recommendations: the fullest collation.
COLLATED_AUDIT = "Domestic abuse and the voice of the child 2025"


def _collation() -> str:
    from safeguarding_qa.audits.models import Audit

    audit = Audit.objects.get(title=COLLATED_AUDIT)
    return reverse("audits:audit-collation", args=[audit.pk])


def _spc() -> str:
    """The active indicator with the longest history (ties by code)."""
    from safeguarding_qa.indicators.models import Indicator

    indicator = (
        Indicator.objects.filter(is_active=True)
        .annotate(points=Count("values"))
        .order_by("-points", "code")
        .first()
    )
    if indicator is None:
        raise SystemExit("No active indicator: was the demo seeded?")
    return reverse("indicators:indicator-detail", args=[indicator.code])


def _register_filtered() -> str:
    from safeguarding_qa.demo.personas import ORGANISATIONS
    from safeguarding_qa.partnership.models import Organisation

    police = next(spec for spec in ORGANISATIONS if spec.key == "police")
    organisation = Organisation.objects.get(name=police.name)
    return _named(
        "recommendations:register", organisation=str(organisation.pk), status="in_progress"
    )()


# A trivial signed-in page on the same stack: base layout, navigation, no domain queries.
FLOOR = Page("floor (help page)", "viewer", _named("core:help"))

PAGES: list[Page] = [
    Page("home: chair", "chair", _named("core:home")),
    Page("home: QA lead", "qa_lead", _named("core:home")),
    Page("home: agency lead", "lead_police", _named("core:home")),
    Page("home: agency auditor", "auditor_council", _named("core:home")),
    Page("home: viewer", "viewer", _named("core:home")),
    Page("audit list", "qa_lead", _named("audits:audit-list")),
    Page("audit collation", "qa_lead", _collation),
    Page("register", "chair", _named("recommendations:register")),
    Page("register, filtered", "lead_police", _register_filtered),
    Page("dashboard", "chair", _named("indicators:dashboard")),
    Page("indicator SPC page", "chair", _spc),
    Page("audit trail list", "admin", _named("audittrail:event-list")),
]
