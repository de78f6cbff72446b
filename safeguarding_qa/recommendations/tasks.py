"""Background tasks: the reminders, for deployments that schedule through the tasks queue."""

from __future__ import annotations

from django_tasks import task


@task()
def send_action_reminders(digest: bool = False) -> int:
    """Owners' reminders (daily) or, with ``digest``, the leads' weekly digest."""
    from .services.reminders import digest_send, reminders_send

    result = digest_send() if digest else reminders_send()
    return result.emails
