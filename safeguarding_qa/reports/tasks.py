"""Background tasks: long renders run outside the request."""

from __future__ import annotations

from django_tasks import task


@task()
def render_document(document_id: int) -> None:
    from .services import document_render

    document_render(document_id=document_id)
