"""Creating, checking and revoking API tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding_qa.access.context import Access
from safeguarding_qa.audittrail.services.recording import record_event
from safeguarding_qa.partnership.models import Organisation

from . import events
from .models import ApiToken
from .policies import tokens as token_policy

TOKEN_PREFIX = "sqa"  # noqa: S105  (a label on every key, not a secret)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def token_create(*, access: Access, organisation: Organisation, name: str) -> tuple[ApiToken, str]:
    """A new token for the organisation; returns it with the full key, shown only once."""
    token_policy.require(access, "manage")
    if not (access.sees_partnership or access.in_organisation(organisation.pk)):
        raise PermissionDenied
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Enter what will use the token."})
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name,
        prefix=prefix,
        secret_hash=_hash(secret),
        created_by=access.user,
    )
    record_event(
        kind=events.TOKEN_CREATED,
        actor=access.user,
        target=token,
        organisation=organisation,
        after={"name": name, "prefix": prefix},
    )
    return token, f"{TOKEN_PREFIX}_{prefix}_{secret}"


@transaction.atomic
def token_revoke(*, access: Access, token: ApiToken) -> ApiToken:
    """Stop a token working at once. Revoking is final: create a new token instead."""
    token_policy.require(access, "manage", token)
    if not token.is_active:
        raise ValidationError("This token has already been revoked.")
    token.revoked_at = timezone.now()
    token.revoked_by = access.user
    token.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    record_event(
        kind=events.TOKEN_REVOKED,
        actor=access.user,
        target=token,
        organisation=token.organisation,
        after={"revoked": True},
    )
    return token


@transaction.atomic
def token_authenticate(*, key: str, method: str, path: str) -> ApiToken | None:
    """The active token a key belongs to, or None. Every use, and every refused key, is
    logged in the audit trail."""
    parts = key.strip().split("_", 2)
    token = None
    if len(parts) == 3 and parts[0] == TOKEN_PREFIX:
        candidate = ApiToken.objects.select_related("organisation").filter(prefix=parts[1]).first()
        if candidate is not None and hmac.compare_digest(candidate.secret_hash, _hash(parts[2])):
            token = candidate
    if token is None or not token.is_active:
        record_event(
            kind=events.TOKEN_REFUSED,
            target=token,
            organisation=token.organisation if token else None,
            description="Unknown API token" if token is None else "",
            data={"method": method, "path": path[:200]},
        )
        return None
    token.last_used_at = timezone.now()
    token.save(update_fields=["last_used_at"])
    record_event(
        kind=events.TOKEN_USED,
        target=token,
        organisation=token.organisation,
        data={"method": method, "path": path[:200]},
    )
    return token
