"""Audit event kinds for the API."""

from safeguarding_qa.audittrail.registry import define

TOKEN_CREATED = define("api_token.created", "API token created")
TOKEN_REVOKED = define("api_token.revoked", "API token revoked")
TOKEN_USED = define("api_token.used", "API token used")
TOKEN_REFUSED = define("api_token.refused", "API call refused: unknown or revoked token")
