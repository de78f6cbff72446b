"""Case data home (snapshots), one snapshot's summary and computed indicators."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.core.pages import paginate

from .. import selectors
from ..indicators import INDICATORS, RATES
from ..policies import imports as import_policy
from ..policies import samples as sample_policy
from ..policies import snapshots as snapshot_policy
from ..services.dashboard import snapshot_indicators_record


@require_http_methods(["GET"])
def home(request: HttpRequest) -> HttpResponse:
    """Imported snapshots, newest first, with links to import and to recent imports."""
    access = access_of(request)
    snapshot_policy.require(access, "view")
    context = {
        "can_import": snapshot_policy.can(access, "import"),
        "imports": selectors.import_list(access=access)[:5],
        **paginate(request, selectors.snapshot_list(access=access)),
    }
    return render(request, "casedata/home.html", context)


@require_http_methods(["GET"])
def snapshot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A snapshot's counts and the indicators computed from it, per quarter."""
    access = access_of(request)
    snapshot_policy.require(access, "view")
    snapshot = snapshot_policy.get_or_404(access, "view", pk=pk)
    computed = selectors.computed_indicators(snapshot=snapshot)
    quarters = list(computed)
    rows = [
        {
            "code": code,
            "description": description,
            "is_rate": code in RATES,
            "values": [
                selectors.describe_measure(computed[q][code]) if code in computed[q] else None
                for q in quarters
            ],
        }
        for code, description in INDICATORS.items()
    ]
    context = {
        "snapshot": snapshot,
        "quarters": quarters,
        "rows": rows,
        "list_counts": sorted(snapshot.list_counts.items()),
        "can_sample": sample_policy.can(access, "draw")
        and snapshot_policy.can(access, "records", snapshot),
        "samples": selectors.sample_list(access=access, snapshot=snapshot)[:10]
        if sample_policy.can(access, "view")
        else [],
        "can_import": import_policy.can(access, "view"),
        "can_compute": snapshot_policy.can(access, "compute", snapshot),
    }
    return render(request, "casedata/snapshot_detail.html", context)


@require_http_methods(["POST"])
def snapshot_indicators_record_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the snapshot's computed indicators on the dashboard (safe to repeat)."""
    access = access_of(request)
    snapshot_policy.require(access, "compute")
    snapshot = snapshot_policy.get_or_404(access, "compute", pk=pk)
    outcome = snapshot_indicators_record(access=access, snapshot=snapshot)
    messages.success(request, outcome.summary)
    if outcome.skipped:
        shown = "; ".join(outcome.skipped[:6])
        more = f" and {len(outcome.skipped) - 6} more" if len(outcome.skipped) > 6 else ""
        messages.info(request, f"Not recorded: {shown}{more}.")
    return redirect("casedata:snapshot-detail", pk=snapshot.pk)
