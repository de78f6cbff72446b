"""Evidence files, served only to people who may see the action or recommendation.

Files live in the default storage under a private path with no public URL; each download
is an audit event.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_http_methods

from safeguarding_qa.access.mixins import access_of
from safeguarding_qa.audittrail.services.recording import record_event

from .. import events
from ..policies import evidence_policy, updates_policy


def _download(request: HttpRequest, item: Any, target: Any) -> FileResponse:
    field = item.evidence_file
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    record_event(
        kind=events.EVIDENCE_DOWNLOADED,
        actor=access_of(request).user,
        target=target,
        data={"file": item.file_name},
    )
    return FileResponse(
        handle,
        as_attachment=True,
        filename=item.file_name,
        content_type="application/octet-stream",
    )


@require_http_methods(["GET"])
def update_file(request: HttpRequest, pk: int) -> FileResponse:
    update = updates_policy.get_or_404(access_of(request), "view", pk=pk)
    return _download(request, update, update.action)


@require_http_methods(["GET"])
def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    evidence = evidence_policy.get_or_404(access_of(request), "view", pk=pk)
    return _download(request, evidence, evidence.recommendation)
