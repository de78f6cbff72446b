"""allauth adapter: no open sign-up (people join by invitation), clearer lockout messages."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": (
            "You have tried to sign in too many times. You can try again in 15 minutes."
        ),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False
